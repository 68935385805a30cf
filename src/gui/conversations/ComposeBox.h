#pragma once

#include "outbound/PlanUsage.h"
#include "outbound/SmsSegments.h"
#include "store/ConversationReader.h"
#include "store/DraftRepository.h"
#include "store/NumberRecord.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>
#include <memory>
#include <optional>

namespace Ui {
class ComposeBox;
}

namespace smsdesk {

// The compose box under a conversation thread: the number to send from (the thread's
// preselected), the recipient (the thread's other party; typed freely for a new conversation
// and checked as typed with PhoneNumber::parse in the default region), the text with a live
// segment counter (SmsSegments: "42 / 160 · 1 SMS", "UCS-2 · 75 / 134 · 2 SMS"), the
// characters that make it UCS-2 with one click to replace those that have a GSM-7 twin, and
// an optional media URL (http or https). Send (or Ctrl+Enter) emits sendRequested(); the box
// sends nothing itself (the page queues through the outbox and shows the outcome with
// showOutcome()). Until sending is made available (setSendingAvailable()), Send is disabled and
// says why.
//
// The From list, once the numbers' plan usage is known (setUsage()), offers only the numbers
// that can send (enabled onCloud numbers whose plan is active and includes outbound), each with
// its usage this cycle and a warning from 80 % of the limit; the thread's own number stays
// listed either way (the outbox's refusal says why when Send is used). A banner
// above the box says when the other party opted out (setOptOut()).
class ComposeBox : public QWidget
{
    Q_OBJECT

public:
    using Thread = ConversationReader::Thread;

    explicit ComposeBox(QWidget* parent = nullptr);
    ~ComposeBox() override;

    // The numbers to send from (the From list).
    void setNumbers(const QList<NumberRecord>& numbers);
    // The numbers' plan usage this cycle, by number id (read through the DatabaseWorker).
    void setUsage(const QHash<qint64, PlanUsage>& usage);
    // The banner above the box ("Opted out by STOP on …"); empty hides it.
    void setOptOut(const QString& banner);
    QString optOutBanner() const;
    // The region a recipient typed without a country code is read in.
    void setDefaultRegion(const QString& region);
    // The box of a thread: from its number, to its other party (fixed). The text and media
    // are cleared (setDraft() puts a draft back).
    void setThread(const Thread& thread);
    // The box of a new conversation: from `did` (empty: the first number), to whoever is
    // typed. The text and media are cleared.
    void startNew(const QString& did = QString());
    // The thread the box is for; none for a new conversation.
    const std::optional<Thread>& thread() const { return m_thread; }

    // The text and media URL as typed, and putting them back (a stored draft).
    Draft draft() const;
    void setDraft(const Draft& draft);
    // Clears the text and media (after a message was handed over for sending).
    void clearMessage();
    // Types `text` into the message at the cursor (a quick reply), replacing what is selected.
    void insertText(const QString& text);

    // Whether Send can be used at all (the outbox is wired); false: Send stays disabled and
    // its tooltip says that sending is not available, and why (`reason`; empty: not yet).
    void setSendingAvailable(bool available, const QString& reason = QString());
    // While a message is being queued, Send waits (no second message from one click).
    void setBusy(bool busy);
    // Says `html` under the box: the outcome of a send (queued, refused and why).
    void showOutcome(const QString& html, bool error);
    QString noteText() const;
    bool isSendingAvailable() const { return m_sendingAvailable; }
    // Why the message cannot be sent as it is (empty: it can).
    QString problem() const;
    // How the text is counted now.
    const SmsSegments& segments() const { return m_segments; }
    // The chosen number's id (0: not a provisioned number) and E.164.
    qint64 fromNumberId() const;
    QString fromDid() const;
    // The recipient in E.164; empty while what is typed is not a valid number.
    QString recipientE164() const;

public Q_SLOTS:
    // Emits sendRequested() when sending is available and the message can be sent; else
    // says why under the box.
    void send();
    // Replaces every character that has a GSM-7 twin (undoable as one edit).
    void replaceWithGsmTwins();
    // Puts the keyboard focus in the text (or the recipient of a new conversation).
    void focusInput();

Q_SIGNALS:
    // Send `text` (and `mediaUrl`, empty: none) from number `fromNumberId` to `toE164`.
    void sendRequested(qint64 fromNumberId, const QString& toE164, const QString& text,
                       const QString& mediaUrl);
    // The text or the media URL was edited by hand (not by setDraft()).
    void draftEdited();
    // A new conversation's parties changed: the From number or the recipient's E.164.
    void partiesChanged();

private:
    void fillNumbers(const QString& did);
    void fitTextHeight();
    void textChanged();
    void recipientChanged();
    void updateState();
    void setNote(const QString& text, bool error, bool rich = false);
    // Whether `number` belongs in the From list: enabled, onCloud, and its plan (once its
    // usage is known) active and with outbound messages.
    bool canSend(const NumberRecord& number) const;
    QString unavailableText() const;

    std::unique_ptr<Ui::ComposeBox> m_ui;
    QList<NumberRecord> m_numbers;
    QString m_region = QStringLiteral("US");
    std::optional<Thread> m_thread;
    QString m_recipientE164; // a new conversation's recipient, once valid
    QString m_recipientError;
    SmsSegments m_segments;
    QHash<qint64, PlanUsage> m_usage;
    bool m_sendingAvailable = false;
    QString m_unavailableReason;
    bool m_busy = false;
    bool m_settingDraft = false;
};

} // namespace smsdesk
