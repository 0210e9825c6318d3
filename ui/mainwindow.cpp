// The main window.
#include "mainwindow.h"

#include <QLabel>

namespace punctual {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Punctual"));
    auto *placeholder = new QLabel(tr("No jobs yet"), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(960, 600);
}

} // namespace punctual
