#include "MainWindow.h"

namespace smsdesk {

MainWindow::MainWindow(AppContext& context, QWidget* parent) : QMainWindow(parent), m_context(context) {}

} // namespace smsdesk
