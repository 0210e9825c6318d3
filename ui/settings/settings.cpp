// The user's preferences over one QSettings store: keys, types and defaults in one place.
#include "settings.h"

#include "autostart.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace punctual {

namespace {

QString notificationKey(NotificationKind kind)
{
    switch (kind) {
    case NotificationKind::Failure: return QStringLiteral("Notifications/failure");
    case NotificationKind::Missed: return QStringLiteral("Notifications/missed");
    case NotificationKind::Timeout: return QStringLiteral("Notifications/timeout");
    }
    return {};
}

// Also read by both apps at start-up, before any window (app/common/configuredstore.cpp: punctualctl has no ui).
const QString storeKey = QStringLiteral("Store/location");
const QString historyKey = QStringLiteral("History/runsPerJob");
const QString optionsKey = QStringLiteral("NewJobs/options");
const QString languageKey = QStringLiteral("Interface/language");
const QString trayMessageKey = QStringLiteral("Tray/closeMessageShown");

const QString windowGroup = QStringLiteral("MainWindow");
const QString geometryKey = QStringLiteral("geometry");
const QString windowStateKey = QStringLiteral("state");
const QString columnsKey = QStringLiteral("columns");
const QString splitterKey = QStringLiteral("splitter");
const QString historySplitterKey = QStringLiteral("historySplitter");

} // namespace

Settings::Settings()
    // Named, not taken from QCoreApplication: punctualctl reads the same file (configuredStoreLocation()).
    : m_store(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("punctual"),
                                          QStringLiteral("punctual")))
{
}

Settings::Settings(const QString &iniFile)
    : m_store(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Settings::~Settings() = default;

HostLaunch Settings::loginLaunch(const StoreLocation &store) const
{
    // The unit runs `punctualctl run` on the store chosen here; another store needs its own command line.
    const auto configured = StoreLocation::fromSettings(storeLocation(), m_store->fileName());
    return hostLaunchFor(store, configured ? std::optional(configured.value()) : std::nullopt);
}

bool Settings::startAtLogin(const StoreLocation &store) const
{
    return autostart::isEnabled(loginLaunch(store));
}

Result<void> Settings::setStartAtLogin(bool on, const StoreLocation &store)
{
    return on ? autostart::enable(loginLaunch(store)) : autostart::disable();
}

bool Settings::notifies(NotificationKind kind) const
{
    return m_store->value(notificationKey(kind), true).toBool();
}

void Settings::setNotifies(NotificationKind kind, bool on)
{
    m_store->setValue(notificationKey(kind), on);
}

int Settings::historyLimit() const
{
    bool ok = false;
    const int limit = m_store->value(historyKey, defaultHistoryLimit).toInt(&ok);
    return ok ? std::clamp(limit, 1, maxHistoryLimit) : defaultHistoryLimit;
}

void Settings::setHistoryLimit(int runsPerJob)
{
    m_store->setValue(historyKey, std::clamp(runsPerJob, 1, maxHistoryLimit));
}

JobOptions Settings::defaultJobOptions() const
{
    const QByteArray text = m_store->value(optionsKey).toString().toUtf8();
    if (text.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(text);
    if (!document.isObject())
        return {};
    auto options = JobOptions::fromJson(document.object());
    return options ? options.value() : JobOptions{};
}

void Settings::setDefaultJobOptions(const JobOptions &options)
{
    QJsonObject json;
    options.writeJson(json);
    m_store->setValue(optionsKey, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

bool Settings::runsJobsHere() const
{
    return m_store->value(QStringLiteral("Store/runJobsHere"), false).toBool();
}

void Settings::setRunsJobsHere(bool runs)
{
    m_store->setValue(QStringLiteral("Store/runJobsHere"), runs);
}

QString Settings::storeLocation() const
{
    return m_store->value(storeKey).toString();
}

void Settings::setStoreLocation(const QString &text)
{
    if (text.trimmed().isEmpty())
        m_store->remove(storeKey);
    else
        m_store->setValue(storeKey, text.trimmed());
}

QString Settings::language() const
{
    return m_store->value(languageKey).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_store->setValue(languageKey, code);
}

bool Settings::trayMessageShown() const
{
    return m_store->value(trayMessageKey, false).toBool();
}

void Settings::setTrayMessageShown(bool shown)
{
    m_store->setValue(trayMessageKey, shown);
}

WindowLayout Settings::windowLayout()
{
    QSettings store;
    store.beginGroup(windowGroup);
    WindowLayout layout;
    layout.geometry = store.value(geometryKey).toByteArray();
    layout.state = store.value(windowStateKey).toByteArray();
    layout.columns = store.value(columnsKey).toByteArray();
    layout.splitter = store.value(splitterKey).toByteArray();
    layout.historySplitter = store.value(historySplitterKey).toByteArray();
    return layout;
}

void Settings::setWindowLayout(const WindowLayout &layout)
{
    QSettings store;
    store.beginGroup(windowGroup);
    store.setValue(geometryKey, layout.geometry);
    store.setValue(windowStateKey, layout.state);
    store.setValue(columnsKey, layout.columns);
    store.setValue(splitterKey, layout.splitter);
    store.setValue(historySplitterKey, layout.historySplitter);
}

void Settings::sync()
{
    m_store->sync();
}

bool Settings::timelineShown()
{
    QSettings store;
    store.beginGroup(windowGroup);
    return store.value(QStringLiteral("timeline"), false).toBool();
}

void Settings::setTimelineShown(bool shown)
{
    QSettings store;
    store.beginGroup(windowGroup);
    store.setValue(QStringLiteral("timeline"), shown);
}

std::int64_t Settings::timelineSpanMs()
{
    QSettings store;
    store.beginGroup(windowGroup);
    return store.value(QStringLiteral("timelineSpanMs"), 0).toLongLong();
}

void Settings::setTimelineSpanMs(std::int64_t spanMs)
{
    QSettings store;
    store.beginGroup(windowGroup);
    store.setValue(QStringLiteral("timelineSpanMs"), static_cast<qlonglong>(spanMs));
}

namespace {

const QString colorSchemeKey = QStringLiteral("Interface/colorScheme");
const QString durationTrendKey = QStringLiteral("MainWindow/durationTrend");

} // namespace

ColorScheme Settings::colorScheme() const
{
    const QString name = m_store->value(colorSchemeKey).toString();
    if (name == QLatin1String("light"))
        return ColorScheme::Light;
    if (name == QLatin1String("dark"))
        return ColorScheme::Dark;
    return ColorScheme::System;
}

void Settings::setColorScheme(ColorScheme scheme)
{
    switch (scheme) {
    case ColorScheme::System: m_store->remove(colorSchemeKey); break;
    case ColorScheme::Light: m_store->setValue(colorSchemeKey, QStringLiteral("light")); break;
    case ColorScheme::Dark: m_store->setValue(colorSchemeKey, QStringLiteral("dark")); break;
    }
}

bool Settings::showsDurationTrend()
{
    return QSettings().value(durationTrendKey, false).toBool();
}

void Settings::setShowsDurationTrend(bool shown)
{
    QSettings().setValue(durationTrendKey, shown);
}

bool Settings::outputWrapsLines()
{
    return QSettings().value(QStringLiteral("Output/wrapLines"), false).toBool();
}

void Settings::setOutputWrapsLines(bool wrap)
{
    QSettings().setValue(QStringLiteral("Output/wrapLines"), wrap);
}

} // namespace punctual
