// The main window: the job table and its actions (filled in by the window issue).
#pragma once

#include <QMainWindow>

namespace punctual {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace punctual
