#pragma once

#include "NumberRecord.h"
#include "RecordRepository.h"

#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace smsdesk {

// Reads and writes the numbers table on one connection (use it from that connection's thread).
class NumberRepository : public RecordRepository
{
public:
    NumberRepository(QSqlDatabase db, const Clock& clock);

    QList<NumberRecord> list() const;
    QList<NumberRecord> listByPlan(qint64 planId) const;
    std::optional<NumberRecord> find(qint64 id) const;
    std::optional<NumberRecord> findByE164(const QString& e164) const;
    // The number whose path token has this SHA-256 hex (PathToken::hash); none for "".
    std::optional<NumberRecord> findByPathTokenHash(const QString& hash) const;
    // Sets number.id and the timestamps on success. Both refuse a number or a path token
    // hash that another row already has. Messages kept in the unassigned inbox for an enabled
    // number (its E.164, or its gateway device and SIM) are attached to it.
    bool insert(NumberRecord& number);
    bool update(NumberRecord& number);
    // Enabling a number attaches the unassigned inbox's messages for it, as insert() does.
    bool setEnabled(qint64 id, bool enabled);
    bool setSecretFlags(qint64 id, bool hasSecret, bool hasAuthHeader);
    // Empty removes the path token (stored as NULL).
    bool setPathTokenHash(qint64 id, const QString& hash);
    bool remove(qint64 id);

private:
    QList<NumberRecord> selectWhere(const QString& where, const QVariantList& values) const;
    bool exec(const QString& sql, const QVariantList& values);
    bool attachUnassignedMessages(const NumberRecord& number);
    // True (and lastError() says by whom) when another row holds number.pathTokenHash.
    bool pathTokenHashInUse(const NumberRecord& number) const;
};

} // namespace smsdesk
