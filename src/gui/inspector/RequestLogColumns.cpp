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

void RequestLogColumns::setUp(QTableView& table, const Clock& clock)
{
    // Column widths from the font, not from the rows (ResizeToContents would measure every
    // row on every live insert). Together they fit a 1280-pixel screen.
    QHeaderView* header = table.horizontalHeader();
    const QAbstractItemModel* model = table.model();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QFontMetrics metrics = table.fontMetrics();
    const int padding = 2 * table.style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 6;
    auto fit = [&](int column, const QString& sample) {
        const int headerWidth =
            metrics.horizontalAdvance(model->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column,
                              std::max(metrics.horizontalAdvance(sample), headerWidth) + padding);
    };
    table.setItemDelegateForColumn(RequestLogModel::TimeColumn,
                                   new RequestTimeDelegate(clock, &table));
    fit(RequestLogModel::TimeColumn, QStringLiteral("23:59:59.999 "));
    fit(RequestLogModel::PeerColumn, QStringLiteral("127.0.0.1:65535"));
    fit(RequestLogModel::MethodColumn, QStringLiteral("POST"));
    fit(RequestLogModel::PathColumn, QStringLiteral("/webhooks/android-gateway"));
    fit(RequestLogModel::ProviderColumn, QStringLiteral("android-gateway"));
    fit(RequestLogModel::NumberColumn, QStringLiteral("+61299999999"));
    fit(RequestLogModel::PartiesColumn, QStringLiteral("+61299999999 \u2192 +61299999999"));
    // The decoration (a colour swatch) comes before the text.
    header->resizeSection(RequestLogModel::OutcomeColumn,
                          metrics.horizontalAdvance(QStringLiteral("wrong-content-type")) +
                              table.style()->pixelMetric(QStyle::PM_SmallIconSize) + 2 * padding);
    fit(RequestLogModel::StatusColumn, QStringLiteral("503"));
    fit(RequestLogModel::LatencyColumn, QStringLiteral("9999.9"));
    header->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("POST")) + padding);
    // The peer (mostly the tunnel's or proxy's address) matters least at a glance: last. Our
    // number is in From -> To already: its own column is there to be shown when wanted.
    header->moveSection(header->visualIndex(RequestLogModel::PeerColumn),
                        RequestLogModel::ColumnCount - 1);
    header->setSectionHidden(RequestLogModel::NumberColumn, true);
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

} // namespace smsdesk
