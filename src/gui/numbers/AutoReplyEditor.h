#pragma once

#include "rules/AutoReplyRules.h"

#include <QList>
#include <QTimeZone>
#include <QWidget>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;

namespace Ui {
class AutoReplyEditor;
}

namespace smsdesk {

struct AutoReplyHours;

// Edits one number's AutoReplyRules (the number dialog's "Auto-replies" tab): the keyword rules
// in a table (keyword, reply, media links separated by spaces; added, removed and reordered, the
// first match answering), the out-of-hours reply with the business hours (days, from, to) and
// their time zone, and the live SMS segment count of each reply (ComposeText's counter, as the
// compose box shows it). What makes the rules unusable is shown in problemLabel() by whoever
// owns the form (it blocks saving there). Holds no store: the dialog reads and saves the rules.
class AutoReplyEditor : public QWidget
{
    Q_OBJECT

public:
    explicit AutoReplyEditor(QWidget* parent = nullptr);
    ~AutoReplyEditor() override;

    // Shows `rules`; `defaultZone` (the number's time zone, or the system's) is offered when they
    // have no business hours yet.
    void setRules(const AutoReplyRules& rules, const QTimeZone& defaultZone);
    // What the form holds now.
    AutoReplyRules rules() const;
    // Why the rules cannot be saved (an unknown time zone, hours that end before they start,
    // AutoReplyRules::problem()); empty when they can.
    QString problem() const;
    QLabel* problemLabel() const;

Q_SIGNALS:
    void changed();

private:
    void addRule(const AutoReplyRules::KeywordRule& rule);
    void moveRule(int delta);
    void hoursEdited();
    void updateState();
    QTimeZone timeZone() const;
    // The days and times as the form shows them.
    AutoReplyHours formHours() const;

    std::unique_ptr<Ui::AutoReplyEditor> m_ui;
    QList<QCheckBox*> m_dayChecks; // Monday first
    // Business hours the form cannot show (several intervals a day): kept as they are until
    // the days or times are edited.
    std::optional<WeeklySchedule> m_keptHours;
    bool m_filling = false;
};

} // namespace smsdesk
