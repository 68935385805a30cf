#pragma once

#include <QByteArray>
#include <QString>

namespace smsdesk {

struct RequestLogEntry;

// A logged webhook request as a `curl` command line that sends it again ("copy as curl").
//
// The command is for any POSIX shell (sh/dash, bash, zsh) and exact: the server receives the
// method, target, headers and body bytes of the original.
// - `-X METHOD` only where curl's default (GET without a body, POST with one) is not the method.
// - Every header with `-H`, in order, except the ones curl derives itself or that belong to the
//   original connection (Host, Content-Length, Connection, Transfer-Encoding, Expect,
//   Keep-Alive, TE, Trailer, Upgrade, Proxy-Connection). Headers curl would add on its own
//   (Accept, User-Agent, and Content-Type for a body) are switched off with `-H 'Name:'` when
//   the original did not have them. An empty value is sent as `-H 'Name;'` (curl's syntax).
// - Authorization and Proxy-Authorization are never written, whatever their value (the store
//   holds them as "[redacted]"): the command ends with a shell comment saying so.
// - A body that is printable UTF-8 (newlines and tabs allowed) and not too long for one
//   argument goes in single quotes (`'` as `'\''`): `--data-binary '...'`. Any other body (bytes
//   that are not UTF-8, control characters, NUL, a leading '@', very long) is piped in exactly by
//   the shell's printf with octal escapes: `printf '\303\050...' | curl ... --data-binary @-`.
// - A header value or target with such bytes is written as "$(printf '...')".
// - A path token the log replaced by "[token]" stays "[token]" (with --globoff, since curl would
//   read the brackets as a glob) and the comment says to put the token back.
class RequestCurlCommand
{
public:
    // Bodies longer than this are piped through printf even when printable: Linux refuses a
    // single argument of 128 KiB or more.
    static constexpr int MaxQuotedBodyBytes = 64 * 1024;

    // The command that re-sends `entry` to `baseUrl` (scheme://host:port, optionally with a
    // path prefix; a trailing '/' is dropped) + its target.
    static QString build(const RequestLogEntry& entry, const QString& baseUrl);

    // `bytes` as one shell word: '...' when printable UTF-8 without control characters, else
    // "$(printf '...')" (which drops trailing newlines: not for bytes that end with one).
    static QString shellWord(const QByteArray& bytes);
    // `bytes` as a printf format that prints exactly them (octal escapes, '%' doubled), quoted.
    static QString printfFormat(const QByteArray& bytes);
    // Whether `name` is left out (the connection's or curl's own headers, and secrets).
    static bool isOmittedHeader(const QByteArray& name);
};

} // namespace smsdesk
