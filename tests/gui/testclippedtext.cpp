// No clipped text in English, German and Chinese: every visible label, button, check box and group title of the
// main window (at its default size), the job editor (each trigger page and action page) and the Settings dialog
// has the room its text needs, and each window lies inside the screen. ctest runs it on a 1024x768 screen (the
// smallest the window is made for) and at QT_SCALE_FACTOR=2 on one as large in logical pixels
// (testclippedtext-scale2), where fonts round differently.
#include "dialogs/jobeditordialog.h"
#include "dialogs/settingsdialog.h"
#include "models/joblistmodel.h"
#include "settings/settings.h"
#include "support/jobbuilder.h"
#include "support/mainwindowharness.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QScrollBar>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTest>
#include <QTranslator>

using namespace punctual;
using namespace punctual::test;

namespace {

/// The text a widget shows, or empty when it is not a widget that shows text of its own.
QString shownText(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        return label->textFormat() == Qt::RichText || Qt::mightBeRichText(label->text()) ? QString() : label->text();
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text();
    if (const auto *group = qobject_cast<const QGroupBox *>(widget))
        return group->title();
    return {};
}

/// Why @p widget is cut off by one of its ancestors (it reaches past the right or bottom edge of a parent, say a
/// dialog narrower than its form), or empty when it is not. A scroll area's viewport cuts off only in a direction in
/// which it has no visible scroll bar to reach the rest.
QString cutOffByAncestor(const QWidget *widget)
{
    // Past a viewport that scrolls in a direction, the rest is reachable that way: not checked further out.
    bool scrollsAcross = false;
    bool scrollsDown = false;
    for (const QWidget *ancestor = widget->parentWidget(); ancestor; ancestor = ancestor->parentWidget()) {
        const QRect inAncestor(widget->mapTo(ancestor, QPoint(0, 0)), widget->size());
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(ancestor->parentWidget());
            area && area->viewport() == ancestor) {
            scrollsAcross = scrollsAcross || area->horizontalScrollBar()->isVisible();
            scrollsDown = scrollsDown || area->verticalScrollBar()->isVisible();
        }
        if (!scrollsAcross && inAncestor.right() > ancestor->rect().right())
            return QStringLiteral("cut off on the right by %1 (%2 px past it)")
                .arg(QLatin1String(ancestor->metaObject()->className()))
                .arg(inAncestor.right() - ancestor->rect().right());
        if (!scrollsDown && inAncestor.bottom() > ancestor->rect().bottom())
            return QStringLiteral("cut off at the bottom by %1 (%2 px past it)")
                .arg(QLatin1String(ancestor->metaObject()->className()))
                .arg(inAncestor.bottom() - ancestor->rect().bottom());
        if (ancestor->isWindow())
            break;
    }
    return {};
}

/// Why @p widget's text does not fit, or empty when it fits. A label that wraps needs the height its width gives
/// it; anything else needs at least the width of its size hint (what the style asks for around the text).
QString clipping(const QWidget *widget)
{
    const QString text = shownText(widget);
    if (text.trimmed().isEmpty())
        return {};
    const QSize hint = widget->sizeHint();
    if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            return QStringLiteral("needs %1 px high, has %2").arg(needed).arg(label->height());
        return {};
    }
    if (const auto *group = qobject_cast<const QGroupBox *>(widget)) {
        const int needed = group->fontMetrics().horizontalAdvance(QString(text).remove(QLatin1Char('&')));
        if (needed > group->width())
            return QStringLiteral("title needs %1 px, has %2").arg(needed).arg(group->width());
        return {};
    }
    if (hint.width() > widget->width())
        return QStringLiteral("needs %1 px wide, has %2").arg(hint.width()).arg(widget->width());
    return cutOffByAncestor(widget);
}

/// Every visible widget under @p root whose text is clipped, as "class 'text': why" lines.
QStringList clippedWidgets(QWidget *root)
{
    QStringList found;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible() || widget->width() <= 0)
            continue;
        // Tool bar buttons and table cells elide by design; their tooltips and accessible names say the whole.
        if (widget->inherits("QToolButton"))
            continue;
        if (const QString why = clipping(widget); !why.isEmpty())
            found << QStringLiteral("%1 '%2': %3").arg(QLatin1String(widget->metaObject()->className()),
                                                      shownText(widget), why);
    }
    return found;
}

} // namespace

class TestClippedText : public QObject, public MainWindowHarness
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init() { setUpWindow(); }
    void cleanup()
    {
        QCoreApplication::removeTranslator(&m_translator);
        tearDownWindow();
    }

    void findsAClippedLabelAndButton();
    void mainWindow_data() { languages(); }
    void mainWindow();
    void jobEditorPages_data() { languages(); }
    void jobEditorPages();
    void settingsDialog_data() { languages(); }
    void settingsDialog();

private:
    void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    /// Installs the translator of the row's language (before the widgets are made, as the app does).
    void useLanguage()
    {
        QFETCH(QString, language);
        if (!language.isEmpty()) {
            QVERIFY(m_translator.load(QStringLiteral(":/i18n/punctual_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&m_translator);
        }
    }
    static void verifyNothingClipped(QWidget *root, const QString &where)
    {
        QStringList clipped = clippedWidgets(root);
        const QRect screen = root->screen()->availableGeometry();
        if (!screen.contains(root->frameGeometry()))
            clipped.prepend(QStringLiteral("the window %1x%2 at %3,%4 is not inside the screen's %5x%6")
                                .arg(root->frameGeometry().width()).arg(root->frameGeometry().height())
                                .arg(root->frameGeometry().x()).arg(root->frameGeometry().y())
                                .arg(screen.width()).arg(screen.height()));
        QVERIFY2(clipped.isEmpty(), qPrintable(where + QStringLiteral(":\n  ") + clipped.join(QStringLiteral("\n  "))));
    }

    QTranslator m_translator;
};

void TestClippedText::findsAClippedLabelAndButton()
{
    // The check itself: a label and a button squeezed below their text's width are found, a roomy one is not.
    QWidget root;
    auto *squeezed = new QLabel(QStringLiteral("Missed while off or asleep"), &root);
    squeezed->setGeometry(0, 0, 30, 20);
    auto *button = new QPushButton(QStringLiteral("Delete 3 jobs"), &root);
    button->setGeometry(0, 30, 25, 30);
    auto *roomy = new QLabel(QStringLiteral("OK"), &root);
    roomy->setGeometry(0, 70, 200, 30);
    root.resize(300, 120);
    root.show();
    QVERIFY(QTest::qWaitForWindowExposed(&root));
    const QStringList clipped = clippedWidgets(&root);
    QCOMPARE(clipped.size(), 2);
    QVERIFY(clipped.at(0).contains(QLatin1String("Missed while off")));
    QVERIFY(clipped.at(1).contains(QLatin1String("Delete 3 jobs")));
}

void TestClippedText::mainWindow()
{
    useLanguage();
    tearDownWindow(); // made again in the row's language
    setUpWindow();
    addOrDie(JobBuilder(QStringLiteral("backup")).name(QStringLiteral("Nightly backup")).cron(QStringLiteral("30 2 * * *")).command(QStringLiteral("/bin/true")).build());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE(m_window->jobModel()->rowCount(), 1);
    verifyNothingClipped(m_window.get(), QStringLiteral("main window"));
}

void TestClippedText::jobEditorPages()
{
    useLanguage();
    JobEditorDialog dialog(*m_client, m_clock, m_functions);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *kinds = dialog.findChild<QComboBox *>(QStringLiteral("actionKindCombo"));
    QVERIFY(kinds);
    for (const char *radio : {"cronRadio", "intervalRadio", "dateRadio", "calendarRadio", "eventsOnlyRadio"}) {
        auto *button = dialog.findChild<QRadioButton *>(QLatin1String(radio));
        QVERIFY2(button, radio);
        button->click();
        for (int kind = 0; kind < kinds->count(); ++kind) {
            kinds->setCurrentIndex(kind);
            QCoreApplication::processEvents();
            verifyNothingClipped(&dialog, QStringLiteral("editor, %1, %2").arg(QLatin1String(radio), kinds->itemText(kind)));
        }
    }
}

void TestClippedText::settingsDialog()
{
    useLanguage();
    Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
    SettingsDialog dialog(settings, StoreLocation::fromPath(m_storePath));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    verifyNothingClipped(&dialog, QStringLiteral("Settings"));
}

QTEST_MAIN(TestClippedText)
#include "testclippedtext.moc"
