#include "DashboardPage.h"

#include "AppContext.h"
#include "DashboardText.h"
#include "DashboardTile.h"
#include "ListenerController.h"
#include "RequestRateChart.h"
#include "listener/ListenerEvent.h"
#include "outbound/Outbox.h"
#include "store/StoreRead.h"
#include "support/FailureCatalogue.h"
#include "ui_DashboardPage.h"

#include <QDateTime>
#include <QLabel>
#include <QProgressBar>
#include <algorithm>

namespace smsdesk {

namespace {

// How many failure causes the tile lists (the rest are summed up in one line).
constexpr int kCausesShown = 4;

QColor levelColor(DashboardText::Level level, const QPalette& palette)
{
    switch (level) {
    case DashboardText::Level::Warning:
        return QColor(0xe0, 0x8a, 0x00);
    case DashboardText::Level::Alarm:
        return QColor(0xc0, 0x1c, 0x28);
    case DashboardText::Level::Normal:
        break;
    }
    return palette.color(QPalette::Highlight);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

DashboardPage::DashboardPage(AppContext& context, ListenerController& listener, QWidget* parent)
    : QWidget(parent), m_context(context), m_listener(listener),
      m_ui(std::make_unique<Ui::DashboardPage>()), m_read(context.worker(), this)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("dashboardPage"));
    m_ui->errorLabel->hide();
    m_ui->planRows->setColumnStretch(1, 1);
    connectTile(m_ui->listenerTile, Target::Inspector);
    connectTile(m_ui->rateTile, Target::Inspector);
    connectTile(m_ui->messagesTile, Target::Conversations);
    connectTile(m_ui->failuresTile, Target::Failures);
    connectTile(m_ui->plansTile, Target::Plans);

    connect(&m_listener, &ListenerController::stateChanged, this, &DashboardPage::showListener);
    connect(&m_listener, &ListenerController::requestHandled, this,
            &DashboardPage::onRequestHandled);
    m_timer.setInterval(MinReadIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DashboardPage::tick);
    m_timer.start();
    showListener();
    showRate();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::connectTile(DashboardTile* tile, Target target)
{
    connect(tile, &DashboardTile::activated, this,
            [this, target] { Q_EMIT pageRequested(target); });
}

void DashboardPage::setOutbox(Outbox* outbox)
{
    if (outbox)
        connect(outbox, &Outbox::updated, this, &DashboardPage::markDirty);
}

void DashboardPage::markDirty()
{
    m_dirty = true;
}

void DashboardPage::onRequestHandled(const ListenerEvent&)
{
    // The chart counts when the window heard of a request, on the wall clock: the listener's
    // own times come from the store's clock, which tests pin.
    m_rates.add(nowMs());
    m_dirty = true;
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    tick();
}

void DashboardPage::tick()
{
    if (!isVisible())
        return;
    showRate();
    if (m_reading)
        return;
    const qint64 spacing = std::max<qint64>(MinReadIntervalMs, ReadSpacingFactor * m_lastReadMs);
    const bool due =
        !m_sinceRead.isValid() ||
        (m_sinceRead.elapsed() >= spacing &&
         (m_dirty || m_sinceRead.elapsed() >= std::max<qint64>(IdleRefreshMs, spacing)));
    if (due)
        startRead();
}

void DashboardPage::startRead()
{
    m_reading = true;
    m_dirty = false;
    m_sinceRead.start();
    ++m_readCount;
    const Clock* clock = &m_context.clock();
    const QTimeZone zone = m_zone;
    m_read.read<StoreRead<DashboardReader::Snapshot>>(
        [clock, zone](QSqlDatabase& db) {
            const DashboardReader reader(db, *clock, zone);
            return StoreRead<DashboardReader::Snapshot>::of(reader, reader.read());
        },
        [this](StoreRead<DashboardReader::Snapshot> read) {
            m_reading = false;
            m_lastReadMs = m_sinceRead.elapsed();
            if (!read.value) {
                m_ui->errorLabel->setText(tr("Could not read the store: %1").arg(read.error));
                m_ui->errorLabel->show();
                return;
            }
            m_ui->errorLabel->hide();
            m_snapshot = std::move(read.value);
            showSnapshot(*m_snapshot);
            Q_EMIT refreshed();
        });
}

void DashboardPage::showListener()
{
    using State = ListenerController::State;
    const State state = m_listener.state();
    m_ui->listenerStateLabel->setText(ListenerController::stateText(state));
    QString address;
    switch (state) {
    case State::Running:
    case State::Starting:
    case State::Stopping:
        address = m_listener.url();
        break;
    case State::Stopped:
        address = tr("Will listen on %1").arg(m_listener.listenAddress());
        break;
    case State::Failed:
        address = m_listener.failureReason();
        break;
    }
    m_ui->listenerAddressLabel->setText(address);
    QPalette palette = m_ui->listenerStateLabel->palette();
    palette.setColor(QPalette::WindowText, state == State::Failed
                                               ? levelColor(DashboardText::Level::Alarm, palette)
                                               : QPalette().color(QPalette::WindowText));
    m_ui->listenerStateLabel->setPalette(palette);
}

void DashboardPage::showRate()
{
    const qint64 now = nowMs();
    const QVector<int> values = m_rates.perSecond(now);
    m_ui->rateChart->setValues(values);
    // "Now" is the last complete five seconds: the current second has only begun.
    const double current = m_rates.mean(now - 1000, 5);
    m_ui->rateValueLabel->setText(DashboardText::rateText(current, m_rates.peak(now)));
}

void DashboardPage::showSnapshot(const DashboardReader::Snapshot& snapshot)
{
    m_ui->todayInLabel->setText(DashboardText::count(snapshot.inboundToday));
    m_ui->todayOutLabel->setText(DashboardText::count(snapshot.outboundToday));
    m_ui->cycleInLabel->setText(DashboardText::count(snapshot.inboundInCycle));
    m_ui->cycleOutLabel->setText(DashboardText::count(snapshot.outboundInCycle));

    const qint64 failures = snapshot.failureCount();
    m_ui->failuresCountLabel->setText(DashboardText::count(failures));
    QPalette palette = m_ui->failuresCountLabel->palette();
    palette.setColor(QPalette::WindowText, failures > 0
                                               ? levelColor(DashboardText::Level::Alarm, palette)
                                               : QPalette().color(QPalette::WindowText));
    m_ui->failuresCountLabel->setPalette(palette);
    QString causes;
    qint64 others = 0;
    for (int i = 0; i < snapshot.failures.size(); ++i) {
        const FailureReader::CauseCount& cause = snapshot.failures.at(i);
        if (i >= kCausesShown) {
            others += cause.count;
            continue;
        }
        causes += QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2<br>")
                      .arg(DashboardText::count(cause.count),
                           FailureCatalogue::causeTitle(cause.kind, cause.cause).toHtmlEscaped());
    }
    if (others > 0)
        causes += tr("<b>%1</b>&nbsp;&nbsp;other causes<br>").arg(DashboardText::count(others));
    causes += QStringLiteral("<small>%1</small>")
                  .arg(tr("unresolved, as on the Failures page").toHtmlEscaped());
    m_ui->failuresCausesLabel->setText(causes);

    showPlans(snapshot);
}

void DashboardPage::showPlans(const DashboardReader::Snapshot& snapshot)
{
    QGridLayout* grid = m_ui->planRows;
    // One row per number, made again (a few dozen widgets at most, once a second at most).
    while (QLayoutItem* item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_ui->plansEmptyLabel->setVisible(snapshot.numbers.isEmpty());
    int row = 0;
    for (const DashboardReader::NumberUsage& usage : snapshot.numbers) {
        auto* title = new QLabel(DashboardText::numberTitle(usage, m_context.defaultRegion()));
        title->setObjectName(QStringLiteral("planTitle_%1").arg(usage.number.id));
        auto* bar = new QProgressBar;
        bar->setObjectName(QStringLiteral("planBar_%1").arg(usage.number.id));
        bar->setTextVisible(true);
        const DashboardText::Level level = DashboardText::level(usage.usage);
        bar->setProperty("level", int(level));
        if (usage.usage.hasPlan) {
            bar->setRange(0, qMax(1, usage.usage.limit));
            bar->setValue(int(qMin<qint64>(usage.usage.used, qMax(1, usage.usage.limit))));
            bar->setFormat(QStringLiteral("%1 %").arg(usage.usage.percent()));
        } else {
            bar->setRange(0, 1);
            bar->setValue(0);
            bar->setFormat(tr("no plan"));
        }
        QPalette palette = bar->palette();
        palette.setColor(QPalette::Highlight, levelColor(level, palette));
        bar->setPalette(palette);
        auto* detail = new QLabel(DashboardText::usageDetail(usage));
        detail->setObjectName(QStringLiteral("planDetail_%1").arg(usage.number.id));
        grid->addWidget(title, row, 0);
        grid->addWidget(bar, row, 1);
        grid->addWidget(detail, row, 2);
        ++row;
    }
}

} // namespace smsdesk
