#pragma once

#include <QString>

namespace smsdesk {

// A name (and a note) for the other party of conversations: one per remote number, whatever
// our number, kept in the store so every desk of a shared database sees the same names.
struct Contact
{
    QString remote; // E.164, or an alphanumeric sender as it came
    QString name;
    QString note;

    bool operator==(const Contact& other) const
    {
        return remote == other.remote && name == other.name && note == other.note;
    }
    bool operator!=(const Contact& other) const { return !(*this == other); }
};

} // namespace smsdesk
