#include "AutoReplyEditor.h"

#include "AutoReplyHours.h"
#include "conversations/ComposeText.h"
#include "outbound/SmsSegments.h"
#include "ui_AutoReplyEditor.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLocale>
#include <QRegularExpression>
#include <QTableWidgetItem>

namespace smsdesk {

namespace {

enum Column
{
    kKeywordColumn,
    kReplyColumn,
    kMediaColumn,
    kColumnCount
};

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

AutoReplyEditor::AutoReplyEditor(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::AutoReplyEditor>())
{
    m_ui->setupUi(this);
    QTableWidget* table = m_ui->rulesTable;
    table->setColumnCount(kColumnCount);
    table->setHorizontalHeaderLabels({tr("Keyword"), tr("Reply"), tr("Media links")});
    table->horizontalHeader()->setSectionResizeMode(kReplyColumn, QHeaderView::Stretch);
    table->verticalHeader()->setVisible(false);

    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto* check = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), this);
        m_ui->daysRow->addWidget(check);
        m_dayChecks.append(check);
        connect(check, &QCheckBox::toggled, this, &AutoReplyEditor::hoursEdited);
    }
    m_ui->daysRow->addStretch();
    const QList<QByteArray> zones = QTimeZone::availableTimeZoneIds();
    for (const QByteArray& zone : zones)
        m_ui->timeZoneCombo->addItem(QString::fromLatin1(zone));

    connect(m_ui->addRuleButton, &QPushButton::clicked, this, [this] {
        addRule({});
        m_ui->rulesTable->setCurrentCell(m_ui->rulesTable->rowCount() - 1, kKeywordColumn);
        m_ui->rulesTable->editItem(m_ui->rulesTable->currentItem());
    });
    connect(m_ui->removeRuleButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->rulesTable->currentRow();
        if (row >= 0)
            m_ui->rulesTable->removeRow(row);
        updateState();
    });
    connect(m_ui->moveUpButton, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_ui->moveDownButton, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(table, &QTableWidget::itemChanged, this, [this] { updateState(); });
    connect(table, &QTableWidget::currentCellChanged, this, [this] { updateState(); });
    connect(m_ui->outOfHoursCheck, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_ui->fromEdit, &QTimeEdit::timeChanged, this, &AutoReplyEditor::hoursEdited);
    connect(m_ui->toEdit, &QTimeEdit::timeChanged, this, &AutoReplyEditor::hoursEdited);
    connect(m_ui->timeZoneCombo, &QComboBox::currentTextChanged, this, [this] { updateState(); });
    connect(m_ui->outOfHoursReplyEdit, &QPlainTextEdit::textChanged, this,
            [this] { updateState(); });

    setRules({}, QTimeZone::systemTimeZone());
}

AutoReplyEditor::~AutoReplyEditor() = default;

QLabel* AutoReplyEditor::problemLabel() const
{
    return m_ui->problemLabel;
}

void AutoReplyEditor::setRules(const AutoReplyRules& rules, const QTimeZone& defaultZone)
{
    m_filling = true;
    m_ui->rulesTable->setRowCount(0);
    for (const AutoReplyRules::KeywordRule& rule : rules.keywordRules)
        addRule(rule);
    m_ui->outOfHoursCheck->setChecked(rules.outOfHoursEnabled);
    m_ui->outOfHoursReplyEdit->setPlainText(rules.outOfHoursReply);
    const bool hasHours = !rules.businessHours.isEmpty();
    const QTimeZone zone = hasHours ? rules.businessHours.timeZone() : defaultZone;
    m_ui->timeZoneCombo->setCurrentText(QString::fromLatin1(zone.id()));
    const std::optional<AutoReplyHours> hours =
        AutoReplyHours::of(hasHours ? rules.businessHours : WeeklySchedule());
    m_keptHours.reset();
    AutoReplyHours shown;
    if (hours && hasHours)
        shown = *hours;
    else if (!hours)
        m_keptHours = rules.businessHours;
    else
        shown.days = {1, 2, 3, 4, 5}; // a new schedule: Monday to Friday, 9 to 5
    for (int day = 1; day <= 7; ++day)
        m_dayChecks.at(day - 1)->setChecked(shown.days.contains(day) && !m_keptHours);
    m_ui->fromEdit->setTime(shown.from);
    m_ui->toEdit->setTime(shown.to);
    m_ui->hoursForm->setToolTip(m_keptHours
                                    ? tr("Kept as stored until you change the days or times: %1")
                                          .arg(m_keptHours->toString())
                                    : QString());
    m_filling = false;
    updateState();
}

AutoReplyRules AutoReplyEditor::rules() const
{
    AutoReplyRules rules;
    const QTableWidget* table = m_ui->rulesTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        AutoReplyRules::KeywordRule rule;
        rule.keyword = cellText(table, row, kKeywordColumn).simplified();
        rule.reply = cellText(table, row, kReplyColumn).trimmed();
        rule.media = cellText(table, row, kMediaColumn)
                         .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        rules.keywordRules.append(rule);
    }
    rules.outOfHoursEnabled = m_ui->outOfHoursCheck->isChecked();
    rules.outOfHoursReply = m_ui->outOfHoursReplyEdit->toPlainText().trimmed();
    if (m_keptHours) {
        rules.businessHours = *m_keptHours;
        rules.businessHours.setTimeZone(timeZone());
    } else {
        rules.businessHours = formHours().toSchedule(timeZone());
    }
    return rules;
}

AutoReplyHours AutoReplyEditor::formHours() const
{
    AutoReplyHours hours;
    for (int day = 1; day <= 7; ++day) {
        if (m_dayChecks.at(day - 1)->isChecked())
            hours.days.append(day);
    }
    hours.from = m_ui->fromEdit->time();
    hours.to = m_ui->toEdit->time();
    return hours;
}

QTimeZone AutoReplyEditor::timeZone() const
{
    return QTimeZone(m_ui->timeZoneCombo->currentText().trimmed().toLatin1());
}

QString AutoReplyEditor::problem() const
{
    if (m_ui->outOfHoursCheck->isChecked()) {
        if (!timeZone().isValid())
            return tr("\"%1\" is not a time zone this system knows (e.g. America/New_York).")
                .arg(m_ui->timeZoneCombo->currentText());
        if (!m_keptHours) {
            if (const QString problem = formHours().problem(); !problem.isEmpty())
                return problem;
        }
    }
    const QString problem = rules().problem();
    return problem.isEmpty() ? QString() : tr("Auto-replies: %1.").arg(problem);
}

void AutoReplyEditor::addRule(const AutoReplyRules::KeywordRule& rule)
{
    QTableWidget* table = m_ui->rulesTable;
    const bool filling = m_filling;
    m_filling = true;
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, kKeywordColumn, new QTableWidgetItem(rule.keyword));
    table->setItem(row, kReplyColumn, new QTableWidgetItem(rule.reply));
    table->setItem(row, kMediaColumn, new QTableWidgetItem(rule.media.join(QLatin1Char(' '))));
    m_filling = filling;
    updateState();
}

void AutoReplyEditor::moveRule(int delta)
{
    QTableWidget* table = m_ui->rulesTable;
    const int row = table->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= table->rowCount())
        return;
    m_filling = true;
    for (int column = 0; column < kColumnCount; ++column) {
        QTableWidgetItem* moving = table->takeItem(row, column);
        QTableWidgetItem* other = table->takeItem(target, column);
        table->setItem(row, column, other);
        table->setItem(target, column, moving);
    }
    m_filling = false;
    table->setCurrentCell(target, table->currentColumn() < 0 ? 0 : table->currentColumn());
    updateState();
}

void AutoReplyEditor::hoursEdited()
{
    if (m_filling)
        return;
    if (m_keptHours) { // the form's hours replace the ones it could not show
        m_keptHours.reset();
        m_ui->hoursForm->setToolTip({});
    }
    updateState();
}

void AutoReplyEditor::updateState()
{
    if (m_filling)
        return;
    QTableWidget* table = m_ui->rulesTable;
    const int row = table->currentRow();
    m_ui->removeRuleButton->setEnabled(row >= 0);
    m_ui->moveUpButton->setEnabled(row > 0);
    m_ui->moveDownButton->setEnabled(row >= 0 && row + 1 < table->rowCount());
    if (row >= 0) {
        const QString keyword = cellText(table, row, kKeywordColumn).simplified();
        m_ui->ruleCounter->setText(tr("Reply to \"%1\": %2")
                                       .arg(keyword, ComposeText::counter(SmsSegments::count(
                                                         cellText(table, row, kReplyColumn)))));
    } else {
        m_ui->ruleCounter->setText(table->rowCount() == 0
                                       ? tr("No keyword rules.")
                                       : tr("Select a rule to see its reply's length."));
    }
    const bool outOfHours = m_ui->outOfHoursCheck->isChecked();
    m_ui->hoursForm->setEnabled(outOfHours);
    m_ui->outOfHoursCounter->setText(
        ComposeText::counter(SmsSegments::count(m_ui->outOfHoursReplyEdit->toPlainText())));
    Q_EMIT changed();
}

} // namespace smsdesk
