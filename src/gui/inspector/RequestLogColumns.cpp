#include "RequestLogColumns.h"

#include "RequestLogModel.h"
#include "RequestTimeDelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QStyle>
#include <QTableView>
#include <algorithm>

namespace smsdesk {

namespace {

// What each column is sized for before any row is there (or at most, when sized to the rows):
// a typical value, and the widest one worth the room.
struct Sample
{
    int column;
    const char* typical;
    const char* widest;
};

const Sample kSamples[] = {
    {RequestLogModel::TimeColumn, "23:59:59.999", "31 Dec 2099 23:59:59.999"},
    {RequestLogModel::KindColumn, "status report", "status report"},
    {RequestLogModel::PeerColumn, "127.0.0.1:65535", "[2001:db8::1234:5678]:65535"},
    {RequestLogModel::MethodColumn, "POST", "OPTIONS"},
    {RequestLogModel::PathColumn, "/webhooks/oncloud", "/webhooks/android-gateway/0123456789"},
    {RequestLogModel::ProviderColumn, "zonitel", "android-gateway"},
    {RequestLogModel::NumberColumn, "+14045559999", "+61299999999"},
    {RequestLogModel::PartiesColumn, "+14045559999 \u2192 +17705551234",
     "+61299999999 \u2192 +61299999999"},
    {RequestLogModel::OutcomeColumn, "refused-auth", "credential-unavailable"},
    {RequestLogModel::StatusColumn, "503", "503"},
    {RequestLogModel::LatencyColumn, "9999.9", "99999.9"},
};

int padding(const QTableView& table)
{
    return 2 * table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 6;
}

// The room a column needs for `text` and its title (the outcome's colour swatch too).
int widthFor(const QTableView& table, int column, const QString& text)
{
    const QFontMetrics metrics = table.fontMetrics();
    const int title =
        metrics.horizontalAdvance(table.model()->headerData(column, Qt::Horizontal).toString()) +
        padding(table);
    int width = metrics.horizontalAdvance(text) + padding(table);
    if (column == RequestLogModel::OutcomeColumn)
        width += table.style()->pixelMetric(QStyle::PM_SmallIconSize) + padding(table);
    return std::max(width, title);
}

// The last column shown, which takes the room left.
int lastVisibleColumn(const QHeaderView& header)
{
    for (int visual = header.count() - 1; visual >= 0; --visual) {
        const int column = header.logicalIndex(visual);
        if (!header.isSectionHidden(column))
            return column;
    }
    return -1;
}

} // namespace

void RequestLogColumns::setUp(QTableView& table, const Clock& clock)
{
    // Column widths from the font, not from the rows (ResizeToContents would measure every
    // row on every live insert); fitToRows() sizes them to the rows once they are there.
    QHeaderView* header = table.horizontalHeader();
    const QAbstractItemModel* model = table.model();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    table.setItemDelegateForColumn(RequestLogModel::TimeColumn,
                                   new RequestTimeDelegate(clock, &table));
    for (const Sample& sample : kSamples)
        header->resizeSection(sample.column,
                              widthFor(table, sample.column, QString::fromUtf8(sample.typical)));
    header->setMinimumSectionSize(table.fontMetrics().horizontalAdvance(QStringLiteral("POST")) +
                                  padding(table));
    // What it was right after the time; the peer (mostly the tunnel's or proxy's address)
    // matters least at a glance: last. Our number is in From -> To already, and nearly every
    // webhook is a POST: their columns are there to be shown when wanted.
    header->moveSection(header->visualIndex(RequestLogModel::KindColumn),
                        header->visualIndex(RequestLogModel::TimeColumn) + 1);
    header->moveSection(header->visualIndex(RequestLogModel::PeerColumn),
                        RequestLogModel::ColumnCount - 1);
    header->setSectionHidden(RequestLogModel::NumberColumn, true);
    header->setSectionHidden(RequestLogModel::MethodColumn, true);
    // The header's context menu shows and hides columns.
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(
        header, &QHeaderView::customContextMenuRequested, header,
        [header, model](const QPoint& pos) {
            QMenu menu(header);
            for (int column = 0; column < model->columnCount(); ++column) {
                QAction* action =
                    menu.addAction(model->headerData(column, Qt::Horizontal).toString());
                action->setCheckable(true);
                action->setChecked(!header->isSectionHidden(column));
                // The last visible column stays.
                action->setEnabled(header->isSectionHidden(column) ||
                                   header->count() - header->hiddenSectionCount() > 1);
                QObject::connect(action, &QAction::toggled, header, [header, column](bool shown) {
                    header->setSectionHidden(column, !shown);
                });
            }
            menu.exec(header->viewport()->mapToGlobal(pos));
        });
}

void RequestLogColumns::fitToRows(QTableView& table)
{
    QHeaderView* header = table.horizontalHeader();
    const int last = lastVisibleColumn(*header);
    int used = 0;
    for (const Sample& sample : kSamples) {
        if (header->isSectionHidden(sample.column) || sample.column == last)
            continue;
        // The rows in view (QTableView measures those), up to the widest value worth it.
        const int fitted =
            std::min(static_cast<const QAbstractItemView&>(table).sizeHintForColumn(sample.column),
                     widthFor(table, sample.column, QString::fromUtf8(sample.widest)));
        // Never below a typical value: a live row's kind is read back a moment later.
        header->resizeSection(
            sample.column,
            std::max(fitted, widthFor(table, sample.column, QString::fromUtf8(sample.typical))));
        used += header->sectionSize(sample.column);
    }
    if (last < 0)
        return;
    // Too wide for the view: the long columns (elided in the middle) give up room first, the
    // last one keeping at least its typical width.
    const Sample* lastSample = std::find_if(std::begin(kSamples), std::end(kSamples),
                                            [last](const Sample& s) { return s.column == last; });
    const int lastWidth = lastSample != std::end(kSamples)
                              ? widthFor(table, last, QString::fromUtf8(lastSample->typical))
                              : header->minimumSectionSize();
    int excess = used + lastWidth - table.viewport()->width();
    for (const int column : {RequestLogModel::PathColumn, RequestLogModel::PartiesColumn,
                             RequestLogModel::ProviderColumn}) {
        if (excess <= 0 || header->isSectionHidden(column) || column == last)
            continue;
        const int floor = widthFor(table, column, QStringLiteral("/webhooks/"));
        const int give = std::min(excess, std::max(0, header->sectionSize(column) - floor));
        header->resizeSection(column, header->sectionSize(column) - give);
        excess -= give;
    }
}

} // namespace smsdesk
