#include "FaultDrillDialog.h"

#include "ui_FaultDrillDialog.h"
#include "util/Clock.h"

#include <QDateTime>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <algorithm>

namespace smsdesk {

namespace {

QString timeOfDay(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime();
    return local.toString(QStringLiteral("HH:mm"));
}

} // namespace

FaultDrillDialog::FaultDrillDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::FaultDrillDialog>()), m_clock(clock)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("faultDrillDialog"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Start drill"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QRadioButton* radio :
         {m_ui->errorRadio, m_ui->noAnswerRadio, m_ui->countRadio, m_ui->minutesRadio})
        connect(radio, &QRadioButton::toggled, this, &FaultDrillDialog::updateSummary);
    for (QSpinBox* spin : {m_ui->countSpin, m_ui->minutesSpin}) {
        connect(spin, &QSpinBox::valueChanged, this, &FaultDrillDialog::updateSummary);
        // Typing a value chooses its line.
        connect(spin, &QSpinBox::valueChanged, this, [this, spin] {
            (spin == m_ui->countSpin ? m_ui->countRadio : m_ui->minutesRadio)->setChecked(true);
        });
    }
    updateSummary();
}

FaultDrillDialog::~FaultDrillDialog() = default;

FaultDrill FaultDrillDialog::drill() const
{
    FaultDrill drill;
    drill.mode =
        m_ui->noAnswerRadio->isChecked() ? FaultDrill::Mode::NoAnswer : FaultDrill::Mode::Error;
    if (m_ui->minutesRadio->isChecked()) {
        drill.remaining = -1;
        drill.untilMs = m_clock.nowMs() + qint64(m_ui->minutesSpin->value()) * 60'000;
    } else {
        drill.remaining = m_ui->countSpin->value();
        drill.untilMs = 0;
    }
    return drill;
}

QString FaultDrillDialog::describe(const FaultDrill& drill, qint64 nowMs)
{
    if (drill.mode == FaultDrill::Mode::Off)
        return tr("No fault drill: every webhook is answered as usual.");
    const bool error = drill.mode == FaultDrill::Mode::Error;
    QString text;
    if (drill.untilMs > 0) {
        const int minutes = int(std::max<qint64>(1, (drill.untilMs - nowMs + 59'999) / 60'000));
        text = error ? tr("For %n minute(s), until %1, every webhook is stored, then answered "
                          "500: the provider will retry them and they will show as duplicates.",
                          nullptr, minutes)
                           .arg(timeOfDay(drill.untilMs))
                     : tr("For %n minute(s), until %1, every webhook is stored but not answered: "
                          "the provider will time out, retry them (they will show as "
                          "duplicates) and may fall back to its email.",
                          nullptr, minutes)
                           .arg(timeOfDay(drill.untilMs));
    } else {
        text = error ? tr("The next %n webhook(s) are stored, then answered 500: the provider "
                          "will retry them and they will show as duplicates.",
                          nullptr, drill.remaining)
                     : tr("The next %n webhook(s) are stored but not answered: the provider will "
                          "time out, retry them (they will show as duplicates) and may fall "
                          "back to its email.",
                          nullptr, drill.remaining);
    }
    return text + QLatin1Char(' ') +
           tr("Refused requests keep their refusal; health checks are not drilled.");
}

QString FaultDrillDialog::remainingText(const FaultDrill& drill)
{
    if (drill.mode == FaultDrill::Mode::Off)
        return {};
    if (drill.untilMs > 0)
        return tr("until %1").arg(timeOfDay(drill.untilMs));
    return tr("%n webhook(s) left", nullptr, drill.remaining);
}

void FaultDrillDialog::updateSummary()
{
    QLabel* summary = m_ui->summaryLabel;
    summary->setText(describe(drill(), m_clock.nowMs()));
    // A wrapped label does not make its window taller by itself: room for every line of the
    // longest sentence, at the width it has (or will have once shown).
    const int width = summary->isVisible() ? summary->width() : minimumWidth() - 24;
    summary->setMinimumHeight(summary->heightForWidth(std::max(width, 200)));
}

} // namespace smsdesk
