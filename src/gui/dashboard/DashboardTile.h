#pragma once

#include <QFrame>

namespace smsdesk {

// One tile of the Dashboard: a framed panel (its contents come from the page's form) that
// opens the page behind it when clicked, or when it has the focus and Enter or Space is
// pressed. Its tooltip says where it leads.
class DashboardTile : public QFrame
{
    Q_OBJECT

public:
    explicit DashboardTile(QWidget* parent = nullptr);

Q_SIGNALS:
    void activated();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    void updateHighlight();

    bool m_hovered = false;
};

} // namespace smsdesk
