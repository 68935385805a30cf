#include "DashboardTile.h"

#include <QKeyEvent>
#include <QMouseEvent>

namespace smsdesk {

DashboardTile::DashboardTile(QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void DashboardTile::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        event->accept();
        Q_EMIT activated();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void DashboardTile::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        event->accept();
        Q_EMIT activated();
        return;
    default:
        QFrame::keyPressEvent(event);
    }
}

void DashboardTile::enterEvent(QEnterEvent* event)
{
    m_hovered = true;
    updateHighlight();
    QFrame::enterEvent(event);
}

void DashboardTile::leaveEvent(QEvent* event)
{
    m_hovered = false;
    updateHighlight();
    QFrame::leaveEvent(event);
}

void DashboardTile::focusInEvent(QFocusEvent* event)
{
    updateHighlight();
    QFrame::focusInEvent(event);
}

void DashboardTile::focusOutEvent(QFocusEvent* event)
{
    updateHighlight();
    QFrame::focusOutEvent(event);
}

void DashboardTile::updateHighlight()
{
    // Hovered or focused: the frame sinks, as a button's would, so it reads as clickable.
    setFrameShadow(m_hovered || hasFocus() ? QFrame::Sunken : QFrame::Raised);
    setBackgroundRole(m_hovered ? QPalette::AlternateBase : QPalette::Base);
}

} // namespace smsdesk
