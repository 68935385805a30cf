#pragma once

#include "listener/FaultDrill.h"

#include <QDialog>
#include <memory>

namespace Ui {
class FaultDrillDialog;
}

namespace smsdesk {

class Clock;

// Sets up a fault drill (for administrators): answer 500 or not at all, for the next N
// webhooks or for M minutes, with a sentence that says what will happen before it starts.
class FaultDrillDialog : public QDialog
{
    Q_OBJECT

public:
    // `clock` (the listener's) must outlive the dialog: a drill by time ends at its now + M.
    explicit FaultDrillDialog(const Clock& clock, QWidget* parent = nullptr);
    ~FaultDrillDialog() override;

    // The drill the form describes, its end time counted from the clock's now.
    FaultDrill drill() const;

    // What `drill` does, in a sentence or two ("The next 5 webhooks are stored, then answered
    // 500: …"); `nowMs` places an end time.
    static QString describe(const FaultDrill& drill, qint64 nowMs);
    // What is left of an active drill, for a banner or a status bar ("2 webhooks left",
    // "until 14:05").
    static QString remainingText(const FaultDrill& drill);

private:
    void updateSummary();

    std::unique_ptr<Ui::FaultDrillDialog> m_ui;
    const Clock& m_clock;
};

} // namespace smsdesk
