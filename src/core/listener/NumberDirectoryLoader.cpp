#include "NumberDirectoryLoader.h"

#include "ListenerLog.h"
#include "rules/AutoReplyRepository.h"
#include "secrets/SecretStore.h"
#include "store/DatabaseWorker.h"
#include "store/NumberRepository.h"

#include <QList>

namespace smsdesk {

namespace {

struct NumbersRead
{
    QList<NumberRecord> numbers;
    QHash<qint64, AutoReplyRules> autoReplies;
    QStringList autoReplyProblems; // rules that could not be read: left out
    QString error;
};

struct Pending
{
    QList<NumberDirectory::Entry> entries;
    int outstanding = 0;
};

} // namespace

NumberDirectoryLoader::NumberDirectoryLoader(DatabaseWorker& worker, SecretStore& secrets,
                                             const Clock& clock, QObject* parent)
    : QObject(parent), m_worker(worker), m_secrets(secrets), m_clock(clock)
{}

void NumberDirectoryLoader::load()
{
    const quint64 generation = ++m_generation;
    const Clock* clock = &m_clock;
    m_worker.post<NumbersRead>(
        [clock](QSqlDatabase& db) {
            NumbersRead read;
            NumberRepository repository(db, *clock);
            read.numbers = repository.list();
            read.error = repository.lastError();
            if (!read.error.isEmpty())
                return read;
            const AutoReplyRepository autoReplies(db);
            if (auto rules = autoReplies.all(&read.autoReplyProblems))
                read.autoReplies = std::move(*rules);
            else
                read.error = autoReplies.lastError();
            return read;
        },
        this,
        [this, generation](NumbersRead read) {
            if (generation != m_generation)
                return;
            if (!read.error.isEmpty()) {
                Q_EMIT failed(read.error);
                return;
            }
            for (const QString& problem : std::as_const(read.autoReplyProblems))
                qCWarning(lcListener) << "auto-replies left out:" << problem;
            auto pending = std::make_shared<Pending>();
            for (const NumberRecord& number : std::as_const(read.numbers)) {
                if (!number.enabled)
                    continue;
                NumberDirectory::Entry entry;
                entry.number = number;
                const auto rules = read.autoReplies.constFind(number.id);
                if (rules != read.autoReplies.cend() && !rules->isEmpty())
                    entry.autoReplies = std::make_shared<const AutoReplyRules>(*rules);
                pending->entries.append(entry);
            }
            auto finish = [this, generation, pending] {
                if (generation != m_generation || pending->outstanding > 0)
                    return;
                auto directory = std::make_shared<NumberDirectory>();
                for (NumberDirectory::Entry& entry : pending->entries)
                    directory->add(std::move(entry));
                Q_EMIT loaded(std::move(directory));
            };
            pending->outstanding = 1; // the loop below: the keychain may answer synchronously
            for (int i = 0; i < pending->entries.size(); ++i) {
                if (!pending->entries.at(i).number.hasAuthHeader)
                    continue;
                ++pending->outstanding;
                const QString key = SecretStore::numberKey(pending->entries.at(i).number.e164,
                                                           SecretStore::Kind::AuthorizationHeader);
                m_secrets.read(key, this, [pending, i, finish](const SecretStore::Result& result) {
                    NumberDirectory::Entry& entry = pending->entries[i];
                    if (result.ok() && !result.value.isEmpty()) {
                        entry.credential = NumberDirectory::Credential::Required;
                        entry.expectedAuthorization = result.value.toUtf8();
                    } else {
                        entry.credential = NumberDirectory::Credential::Unavailable;
                        entry.credentialProblem =
                            result.ok() ? QStringLiteral("the keychain holds an empty value")
                                        : result.message;
                    }
                    --pending->outstanding;
                    finish();
                });
            }
            --pending->outstanding;
            finish();
        });
}

} // namespace smsdesk
