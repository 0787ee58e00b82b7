#include "stemdeck/app/Settings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QStandardPaths>

#include "SaveFileLeftovers.h"
#include "stemdeck/app/AudioProfiles.h"

namespace stemdeck::app {

namespace {

// A value as an int, or `fallback` when it is missing or not a whole number.
int toInt(const QVariant& value, int fallback) {
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok ? n : fallback;
}

// QVariant::toBool() calls any non-empty string true; a damaged file must not switch the
// monitor on, so only the spellings QSettings writes (and 1/0) count.
bool toBool(const QVariant& value, bool fallback) {
    if (value.typeId() == QMetaType::Bool) return value.toBool();
    const QString s = value.toString().trimmed().toLower();
    if (s == QLatin1String("true") || s == QLatin1String("1")) return true;
    if (s == QLatin1String("false") || s == QLatin1String("0")) return false;
    return fallback;
}

bool isUsablePath(const QString& path) {
    return !path.isEmpty() && QDir::isAbsolutePath(path);
}

// QSettings locks FILE.lock around each save (QLockFile). A process killed between creating
// the lock and writing its owner into it leaves it empty, and QLockFile then waits 30 s for
// it to go stale: the next session's first save would freeze the window that long (seen in
// tests/app/AtomicWriteTest.cpp). A live owner fills its lock at once, so an empty lock a
// few seconds old is abandoned.
void removeAbandonedLock(const QString& iniPath) {
    constexpr int kAbandonedAfterSeconds = 2;
    const QFileInfo lock(iniPath + QStringLiteral(".lock"));
    if (lock.exists() && lock.size() == 0 &&
        lock.lastModified().toUTC() <
            QDateTime::currentDateTimeUtc().addSecs(-kAbandonedAfterSeconds))
        QFile::remove(lock.filePath());
}

std::unique_ptr<QSettings> open(const QString& iniPath) {
    removeAbandonedLock(iniPath);
    auto settings = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
    // The default, said out loud: never fall back to rewriting the file in place, which a
    // crash or a full disk could leave half-written (tests/app/AtomicWriteTest.cpp).
    settings->setAtomicSyncRequired(true);
    // Qt 6.4 parses keys lazily: some damage (a lone 0xff byte) only sets FormatError once
    // every key is looked at, so look now (found by fuzz/app/SettingsFuzz.cpp).
    (void)settings->allKeys();
    return settings;
}

}  // namespace

Settings::Settings(const QString& iniPath) : path_(iniPath) {
    QString profilesProblem;
    profiles_ = AudioProfiles::fromFile(
        QFileInfo(iniPath).dir().filePath(QLatin1String(kProfilesFileName)), &profilesProblem);
    settings_ = open(iniPath);
    if (settings_->status() == QSettings::FormatError) {
        // A file QSettings cannot parse is damaged: trust none of it and start from the
        // defaults, keeping the damaged file beside the new one for whoever wants to look.
        settings_.reset();
        const QString aside = iniPath + QStringLiteral(".corrupt");
        QFile::remove(aside);
        const bool moved = QFile::rename(iniPath, aside);
        problems_
            << (moved ? QStringLiteral("The settings file %1 could not be read; defaults are in "
                                       "use (the old file was kept as %2).")
                            .arg(QDir::toNativeSeparators(iniPath), QDir::toNativeSeparators(aside))
                      : QStringLiteral("The settings file %1 could not be read; defaults are in "
                                       "use and changes may not be saved.")
                            .arg(QDir::toNativeSeparators(iniPath)));
        settings_ = open(iniPath);
    } else if (settings_->status() == QSettings::AccessError) {
        problems_ << QStringLiteral(
                         "The settings file %1 could not be read (no permission?); defaults are "
                         "in use and changes may not be saved.")
                         .arg(QDir::toNativeSeparators(iniPath));
    }
    if (!profilesProblem.isEmpty()) problems_ << profilesProblem;
}

Settings::~Settings() = default;

QString Settings::defaultPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/stemdeck.ini");
}

const QList<int>& Settings::sampleRates() {
    static const QList<int> rates{44100, 48000, 88200, 96000};
    return rates;
}

bool Settings::isValidSampleRate(int rate) {
    return rate == 0 || sampleRates().contains(rate);
}

const QStringList& Settings::languageCodes() {
    static const QStringList codes{QString(), QStringLiteral("en"), QStringLiteral("es"),
                                   QStringLiteral("de")};
    return codes;
}

QString Settings::language() const {
    const QVariant value = settings_->value(kLanguageKey);
    if (value.typeId() != QMetaType::QString) return {};
    const QString code = value.toString();
    return languageCodes().contains(code) ? code : QString();
}

bool Settings::setLanguage(const QString& code) {
    if (!languageCodes().contains(code)) return false;
    settings_->setValue(kLanguageKey, code);
    return true;
}

QString Settings::outputDevice() const {
    const QVariant value = settings_->value(kDeviceKey);
    if (value.typeId() != QMetaType::QString) return {};
    const QString device = value.toString().trimmed();
    return device.size() <= kMaxDeviceNameLength ? device : QString();
}

bool Settings::setOutputDevice(const QString& device) {
    const QString trimmed = device.trimmed();
    if (trimmed.size() > kMaxDeviceNameLength) return false;
    settings_->setValue(kDeviceKey, trimmed);
    return true;
}

int Settings::sampleRate() const {
    const int rate = toInt(settings_->value(kSampleRateKey), 0);
    return isValidSampleRate(rate) ? rate : 0;
}

bool Settings::setSampleRate(int rate) {
    if (!isValidSampleRate(rate)) return false;
    settings_->setValue(kSampleRateKey, rate);
    return true;
}

int Settings::framesPerBuffer() const {
    const int fallback = profiles_.defaultFramesPerBuffer();
    const int frames = toInt(settings_->value(kBlockSizeKey), fallback);
    return isValidFramesPerBuffer(frames) ? frames : fallback;
}

bool Settings::setFramesPerBuffer(int frames) {
    if (!isValidFramesPerBuffer(frames)) return false;
    settings_->setValue(kBlockSizeKey, frames);
    return true;
}

bool Settings::latencyMonitorEnabled() const {
    return toBool(settings_->value(kLatencyMonitorKey), false);
}

void Settings::setLatencyMonitorEnabled(bool on) {
    settings_->setValue(kLatencyMonitorKey, on);
}

bool Settings::followSongRate() const {
    return toBool(settings_->value(kFollowSongRateKey), true);
}

void Settings::setFollowSongRate(bool on) {
    settings_->setValue(kFollowSongRateKey, on);
}

int Settings::outputChannels() const {
    const int channels = toInt(settings_->value(kOutputChannelsKey), 2);
    return channels == 0 ? 0 : 2;
}

bool Settings::setOutputChannels(int channels) {
    if (channels != 0 && channels != 2) return false;
    settings_->setValue(kOutputChannelsKey, channels);
    return true;
}

bool Settings::clickEnabled() const {
    return toBool(settings_->value(kClickEnabledKey), false);
}

void Settings::setClickEnabled(bool on) {
    settings_->setValue(kClickEnabledKey, on);
}

int Settings::clickLevelDb() const {
    const int db = toInt(settings_->value(kClickLevelKey), kDefaultClickLevelDb);
    return db >= kMinClickLevelDb && db <= 0 ? db : kDefaultClickLevelDb;
}

bool Settings::setClickLevelDb(int db) {
    if (db < kMinClickLevelDb || db > 0) return false;
    settings_->setValue(kClickLevelKey, db);
    return true;
}

int Settings::countInBars() const {
    const int bars = toInt(settings_->value(kCountInKey), 0);
    return bars >= 0 && bars <= kMaxCountInBars ? bars : 0;
}

bool Settings::setCountInBars(int bars) {
    if (bars < 0 || bars > kMaxCountInBars) return false;
    settings_->setValue(kCountInKey, bars);
    return true;
}

namespace {

const QString kNextBar = QStringLiteral("next_bar");
const QString kEndOfPass = QStringLiteral("end_of_pass");

}  // namespace

VampRelease Settings::vampRelease() const {
    // Anything but "next_bar" (a damaged or hand-edited value too) is the default.
    return settings_->value(kVampReleaseKey).toString() == kNextBar ? VampRelease::NextBar
                                                                    : VampRelease::EndOfPass;
}

void Settings::setVampRelease(VampRelease mode) {
    settings_->setValue(kVampReleaseKey, mode == VampRelease::NextBar ? kNextBar : kEndOfPass);
}

namespace {

bool isValidPair(int pair) {
    return pair >= 0 && pair <= Settings::kMaxPair;
}

// "name=pair" entries; the name may hold '=' itself, the pair never does.
QHash<QString, int> parseRoutes(const QStringList& entries) {
    QHash<QString, int> routes;
    for (const QString& entry : entries) {
        const auto at = entry.lastIndexOf(QLatin1Char('='));
        if (at <= 0) continue;
        bool ok = false;
        const int pair = entry.mid(at + 1).toInt(&ok);
        if (ok && isValidPair(pair)) routes.insert(entry.left(at), pair);
    }
    return routes;
}

}  // namespace

int Settings::stemRoute(const QString& stemName) const {
    return parseRoutes(settings_->value(kStemRoutesKey).toStringList()).value(stemName, 0);
}

bool Settings::setStemRoute(const QString& stemName, int pair) {
    if (stemName.isEmpty() || !isValidPair(pair)) return false;
    QHash<QString, int> routes = parseRoutes(settings_->value(kStemRoutesKey).toStringList());
    if (pair == 0)
        routes.remove(stemName);  // 1-2 is the default: nothing to remember
    else
        routes.insert(stemName, pair);
    QStringList entries;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it)
        entries << it.key() + QLatin1Char('=') + QString::number(it.value());
    entries.sort();  // a stable file, whatever the hash order
    settings_->setValue(kStemRoutesKey, entries);
    return true;
}

int Settings::clickRoute() const {
    const int pair = toInt(settings_->value(kClickRouteKey), 0);
    return isValidPair(pair) ? pair : 0;
}

bool Settings::setClickRoute(int pair) {
    if (!isValidPair(pair)) return false;
    settings_->setValue(kClickRouteKey, pair);
    return true;
}

audio::OutputConfig Settings::outputConfig() const {
    audio::OutputConfig config;
    config.channels = outputChannels();
    config.device = outputDevice().toStdString();
    config.sampleRate = sampleRate();
    config.framesPerBuffer = framesPerBuffer();
    return config;
}

QStringList Settings::recentSongs() const {
    QStringList out;
    for (const QString& path : settings_->value(kRecentKey).toStringList()) {
        const QString clean = QDir::cleanPath(path);
        if (isUsablePath(path) && !out.contains(clean)) out.append(clean);
        if (out.size() == kMaxRecent) break;
    }
    return out;
}

void Settings::addRecentSong(const QString& folder) {
    if (!isUsablePath(folder)) return;
    QStringList list = recentSongs();
    const QString clean = QDir::cleanPath(folder);
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecent) list.removeLast();
    settings_->setValue(kRecentKey, list);
}

QString Settings::lastSong() const {
    const QString path = settings_->value(kLastSongKey).toString();
    return isUsablePath(path) ? QDir::cleanPath(path) : QString();
}

void Settings::setLastSong(const QString& folder) {
    if (isUsablePath(folder)) settings_->setValue(kLastSongKey, QDir::cleanPath(folder));
}

QByteArray Settings::windowGeometry() const {
    const QVariant value = settings_->value(kGeometryKey);
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry) {
    settings_->setValue(kGeometryKey, geometry);
}

QByteArray Settings::windowState() const {
    const QVariant value = settings_->value(kWindowStateKey);
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

void Settings::setWindowState(const QByteArray& state) {
    settings_->setValue(kWindowStateKey, state);
}

QByteArray Settings::splitterState() const {
    const QVariant value = settings_->value(kSplitterKey);
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

void Settings::setSplitterState(const QByteArray& state) {
    settings_->setValue(kSplitterKey, state);
}

bool Settings::sync(QString* error) {
    settings_->sync();
    // Only a failed write counts here: QSettings keeps reporting the first error it met.
    if (settings_->status() != QSettings::AccessError) {
        removeSaveFileLeftovers(path_);
        return true;
    }
    if (error)
        *error = QStringLiteral("The settings could not be saved to %1 (is its folder writable?).")
                     .arg(QDir::toNativeSeparators(path_));
    return false;
}

}  // namespace stemdeck::app
