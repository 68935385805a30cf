#pragma once

#include "providers/samples/WebhookSample.h"
#include "store/NumberRecord.h"

#include <QDialog>
#include <QList>
#include <memory>
#include <optional>

namespace Ui {
class SendTestWebhookDialog;
}

namespace smsdesk {

// Chooses what "Send test webhook" sends: one of the enabled numbers and, when its provider
// sends several kinds of webhook, which (an inbound message or a status report).
class SendTestWebhookDialog : public QDialog
{
    Q_OBJECT

public:
    SendTestWebhookDialog(const QList<NumberRecord>& numbers, QWidget* parent = nullptr);
    ~SendTestWebhookDialog() override;

    // The chosen number; none when there is no number to choose.
    std::optional<NumberRecord> number() const;
    WebhookSample::Kind kind() const;
    // Chooses the number with this id (when listed).
    void setNumberId(qint64 id);

private:
    void updateKinds();

    std::unique_ptr<Ui::SendTestWebhookDialog> m_ui;
    QList<NumberRecord> m_numbers;
};

} // namespace smsdesk
