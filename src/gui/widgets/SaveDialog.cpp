#include "SaveDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QPushButton>

namespace smsdesk {

namespace {
const QColor kErrorColor(0xc0, 0x1c, 0x28);
} // namespace

SaveDialog::SaveDialog(QWidget* parent) : QDialog(parent) {}

SaveDialog::~SaveDialog() = default;

void SaveDialog::setSaveWidgets(QWidget* form, QDialogButtonBox* buttonBox, QLabel* busyLabel,
                                QLabel* formError)
{
    m_form = form;
    m_buttonBox = buttonBox;
    m_busyLabel = busyLabel;
    m_formError = formError;
}

void SaveDialog::showFieldError(QLabel* label, const QString& error)
{
    label->setText(error);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, kErrorColor);
    label->setPalette(palette);
    label->setVisible(!error.isEmpty());
}

void SaveDialog::showSaveError(const QString& error)
{
    showFieldError(m_formError, error);
    fitHeight(false);
}

void SaveDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    fitHeight(true);
}

void SaveDialog::fitHeight(bool allowShrink)
{
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
    if (needed > height() || (allowShrink && needed < height()))
        resize(width(), needed);
}

void SaveDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    if (busy) {
        m_buttonBox->button(QDialogButtonBox::Ok)->setEnabled(false);
        setCursor(Qt::BusyCursor);
    } else {
        unsetCursor();
        validate();
    }
}

bool SaveDialog::finishSave(bool ok, const std::function<void()>& announce)
{
    setBusy(false);
    if (!ok)
        return false;
    announce();
    QDialog::accept();
    return true;
}

void SaveDialog::accept()
{
    if (m_busy)
        return;
    validate();
    if (!m_buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    showFieldError(m_formError, {});
    setBusy(true);
    save();
}

void SaveDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

} // namespace smsdesk
