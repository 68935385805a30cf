#pragma once

#include "store/NumberRecord.h"
#include "store/RequestLogReader.h"

#include <QList>
#include <QTimer>
#include <QWidget>
#include <memory>

class QAction;
class QMenu;

namespace Ui {
class InspectorFilterBar;
}

namespace smsdesk {

class Clock;
class Settings;

// The Inspector's filters in one row (ui/inspector/InspectorFilterBar.ui): a menu of outcomes
// grouped by what happened (a group's title checks its whole group; the menu stays open while
// outcomes are checked), the provider, the number, the time range (counted back from now, or a
// custom one) and a text to search for, applied once typing pauses. Remembered through
// Settings::inspectorFilter(): attach() restores them, and every change is saved.
//
// Made by the page's form (a promoted widget): it emits nothing until attach() gives it the
// settings and the clock.
class InspectorFilterBar : public QWidget
{
    Q_OBJECT

public:
    enum class TimeRange
    {
        All,
        Last15Minutes,
        LastHour,
        Last24Hours,
        Last7Days,
        Custom,
    };
    Q_ENUM(TimeRange)

    static constexpr int TextDebounceMs = 250;

    explicit InspectorFilterBar(QWidget* parent = nullptr);
    ~InspectorFilterBar() override;

    // Restores the filters saved in `settings` and saves every change there from now on;
    // relative time ranges count back from `clock`. Both must outlive the bar. Emits nothing.
    void attach(Settings& settings, const Clock& clock);

    // What the filters say now (a relative time range counted back from now).
    RequestLogFilter filter() const;
    // The number chosen; 0: all numbers.
    qint64 numberId() const;
    // The numbers to choose from; the one chosen stays chosen (named "deleted" when it is gone).
    void setNumbers(const QList<NumberRecord>& numbers);
    // Puts the cursor in the search text, selected.
    void focusSearch();

public Q_SLOTS:
    // Saves the filters and emits filterChanged() now (the text is otherwise applied
    // TextDebounceMs after the last keystroke).
    void apply();
    // Every filter off: all outcomes, providers, numbers and times, no text; filterChanged()
    // follows once.
    void clear();

Q_SIGNALS:
    // The filters changed (and were saved): filter() says what they are now.
    void filterChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setUpOutcomes();
    void setUpRanges();
    void restore();
    void save() const;
    QStringList checkedOutcomes() const;
    TimeRange timeRange() const;
    void updateOutcomeButton();
    void updateCustomRange();

    std::unique_ptr<Ui::InspectorFilterBar> m_ui;
    Settings* m_settings = nullptr;
    const Clock* m_clock = nullptr;
    QMenu* m_outcomeMenu = nullptr;
    QList<QAction*> m_outcomeActions; // checkable, data: the outcome code
    QTimer m_textDebounce;
    bool m_restoring = true; // being set up or restored: no signals
};

} // namespace smsdesk
