#pragma once

#include <QByteArray>
#include <QString>

namespace smsdesk {

// What one POST to onCloud's outbound endpoint came to (OnCloudOutboundClient). Never holds
// the secret: the client scrubs it from everything it copies here.
struct SendResult
{
    enum class Outcome
    {
        Accepted,  // 2xx {"status":"success"}: carrierId from "… | ID: …" (may be empty)
        Refused,   // the provider answered with an error code ("[WH-23-3]"), documented or not,
                   // or with {"status":"error"} and no code
        HttpError, // a non-2xx answer without a code: 429 and 5xx are transient, others final
        BadAnswer, // a 2xx answer that is not the documented JSON: the provider may have
                   // queued the message (ambiguous)
        NotSent,   // failed before the request was handed to a connection: DNS, connection
                   // refused, TLS, no connection within the timeout (safe to send again)
        NoAnswer,  // the request went out and no answer came: a timeout or a dropped
                   // connection (ambiguous: it may have been queued)
    };

    Outcome outcome = Outcome::NotSent;
    int httpStatus = 0;       // 0: no HTTP answer
    QString code;             // Refused: "WH-23-3"; empty when the answer had none
    QString carrierId;        // Accepted: "bw-msg-abc123"
    QString providerMessage;  // the answer's "message" as the provider wrote it
    QByteArray answer;        // the answer's body as received (at most MaxAnswerBytes)
    QString error;            // NotSent, NoAnswer, BadAnswer: what went wrong, in English
    QString url;              // the endpoint tried
    QString from;             // digits as sent
    QString to;               // digits as sent
    qint64 startedAtMs = 0;   // UTC
    qint64 latencyMs = 0;     // from the request to the answer or the failure
    qint64 retryAfterMs = -1; // from a Retry-After header; -1: none
    bool requestSent = false; // the request was handed to an open connection

    static constexpr qsizetype MaxAnswerBytes = 4096;

    bool accepted() const { return outcome == Outcome::Accepted; }
    // Sending again can help by itself: not sent at all, 429 or a 5xx.
    bool isTransient() const
    {
        return outcome == Outcome::NotSent ||
               (outcome == Outcome::HttpError && (httpStatus == 429 || httpStatus >= 500));
    }
    // The provider may have taken the message: never send it again without asking.
    bool isAmbiguous() const
    {
        return outcome == Outcome::NoAnswer || outcome == Outcome::BadAnswer;
    }
    // The outcome's name as stored with each attempt: "accepted", "refused", "http-error",
    // "bad-answer", "not-sent", "no-answer".
    QString outcomeName() const;
    // What was tried and what came back, raw, in one line (English, never the secret):
    // "POST https://…/webhook-to-sms.php from 14045559999 to 17705551234: HTTP 503: <answer>".
    QString describe() const;
};

} // namespace smsdesk
