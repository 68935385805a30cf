#pragma once

#include <QMainWindow>

namespace smsdesk {

class AppContext;

// Placeholder: replaced by the real window (navigation list and pages).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);

private:
    AppContext& m_context;
};

} // namespace smsdesk
