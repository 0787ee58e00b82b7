#include "stemdeck/ui/ControlKeys.h"

#include <QAction>
#include <QShortcut>
#include <QStringList>
#include <QWidget>
#include <chrono>
#include <set>

#include "stemdeck/app/Settings.h"
#include "stemdeck/control/ActionCatalog.h"
#include "stemdeck/control/ControlPort.h"
#include "stemdeck/control/KeyDefaults.h"

namespace stemdeck::ui {

namespace {

QString valueText(const control::ParamValue& value) {
    return std::visit(
        [](const auto& v) -> QString {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>)
                return v ? QStringLiteral("on") : QStringLiteral("off");
            else if constexpr (std::is_same_v<T, std::string>)
                return QString::fromStdString(v);
            else
                return QString::number(v);
        },
        value);
}

// "marker.goto.3": the action's name, then its fixed parameters' values in name order.
QString bindingId(const std::string& action,
                  const std::map<std::string, control::ParamValue>& params) {
    QString id = QString::fromStdString(action);
    for (const auto& [name, value] : params) id += QLatin1Char('.') + valueText(value);
    return id;
}

QList<QKeySequence> parseKeys(const std::vector<std::string>& texts) {
    QList<QKeySequence> keys;
    for (const std::string& text : texts) {
        const QKeySequence key =
            QKeySequence::fromString(QString::fromStdString(text), QKeySequence::PortableText);
        if (!key.isEmpty()) keys.append(key);
    }
    return keys;
}

// A key the user can press: one chord that Qt understood.
bool isUsable(const QKeySequence& key) {
    return key.count() >= 1 && key[0].key() != Qt::Key_unknown;
}

bool needsValues(const control::ActionSpec& spec) {
    for (const control::ParamSpec& param : spec.params)
        if (!param.optional) return true;
    return false;
}

}  // namespace

ControlKeys::ControlKeys(QWidget& window, control::ControlPort& port, app::Settings& settings,
                         const std::map<QString, QAction*>& adopted)
    : QObject(&window), window_(window), port_(port), settings_(settings) {
    build(adopted);
    applyAll();
}

void ControlKeys::build(const std::map<QString, QAction*>& adopted) {
    const auto add = [&](const control::ActionSpec& spec,
                         std::map<std::string, control::ParamValue> params,
                         const std::vector<std::string>& keys) {
        Binding b;
        b.action = spec.name;
        b.id = bindingId(spec.name, params);
        b.title = QString::fromStdString(spec.title);
        for (const auto& [name, value] : params) b.title += QLatin1Char(' ') + valueText(value);
        b.bindable = !params.empty() || !needsValues(spec);
        b.params = std::move(params);
        b.defaults = parseKeys(keys);
        const auto mine = adopted.find(b.id);
        if (mine != adopted.end() && mine->second) {
            b.qaction = mine->second;
        } else {
            b.qaction = new QAction(b.title, &window_);
            b.qaction->setObjectName(QStringLiteral("control:") + b.id);
            window_.addAction(b.qaction);
            const QString id = b.id;
            connect(b.qaction, &QAction::triggered, this, [this, id] {
                if (const Binding* found = binding(id)) trigger(*found);
            });
        }
        bindings_.push_back(std::move(b));
    };
    for (const control::ActionSpec& spec : port_.actions()) {
        add(spec, {}, control::defaultKeys(spec.name));
        // The defaults with fixed parameters (1–9: marker n) right after their action.
        for (const control::KeyDefault& d : control::keyDefaults())
            if (d.action == spec.name && !d.params.empty()) add(spec, d.params, d.keys);
    }
}

const ControlKeys::Binding* ControlKeys::binding(const QString& id) const {
    for (const Binding& b : bindings_)
        if (b.id == id) return &b;
    return nullptr;
}

QAction* ControlKeys::action(const QString& id) const {
    const Binding* b = binding(id);
    return b ? b->qaction : nullptr;
}

QList<QAction*> ControlKeys::ownActions() const {
    QList<QAction*> own;
    for (const Binding& b : bindings_)
        if (b.qaction->parent() == &window_ &&
            b.qaction->objectName().startsWith(QLatin1String("control:")))
            own.append(b.qaction);
    return own;
}

QList<QKeySequence> ControlKeys::keys(const QString& id) const {
    const Binding* b = binding(id);
    return b ? b->qaction->shortcuts() : QList<QKeySequence>{};
}

QString ControlKeys::holder(const QKeySequence& key, const QString& except) const {
    std::set<const QAction*> ours;
    for (const Binding& b : bindings_) {
        ours.insert(b.qaction);
        if (b.id != except && b.qaction->shortcuts().contains(key)) return b.title;
    }
    for (const QAction* other : window_.findChildren<QAction*>())
        if (!ours.count(other) && other->shortcuts().contains(key))
            return QAction(other->text()).toolTip();  // without "&" and "…"
    for (const QShortcut* shortcut : window_.findChildren<QShortcut*>())
        if (shortcut->keys().contains(key)) return shortcut->objectName();
    return {};
}

bool ControlKeys::setKeys(const QString& id, const QList<QKeySequence>& keys, QString* error) {
    const Binding* b = binding(id);
    const auto fail = [error](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (!b) return fail(tr("There is no action %1").arg(id.left(64)));
    if (!b->bindable)
        return fail(
            tr("%1 needs values no key can give: use MIDI, OSC or the web remote").arg(b->title));
    QList<QKeySequence> clean;
    for (const QKeySequence& key : keys) {
        if (!isUsable(key) || clean.contains(key)) continue;
        const QString other = holder(key, id);
        if (!other.isEmpty())
            return fail(tr("%1 is already %2").arg(key.toString(QKeySequence::NativeText), other));
        clean.append(key);
    }
    if (clean.size() > app::Settings::kMaxKeysPerBinding)
        return fail(tr("At most %1 keys per action").arg(app::Settings::kMaxKeysPerBinding));
    b->qaction->setShortcuts(clean);
    save();
    emit keysChanged();
    return true;
}

void ControlKeys::resetKeys(const QString& id) {
    if (!binding(id)) return;
    settings_.resetKeyBinding(id);
    settings_.sync();
    applyAll();
}

void ControlKeys::resetAll() {
    for (const Binding& b : bindings_) settings_.resetKeyBinding(b.id);
    settings_.sync();
    applyAll();
}

QList<QKeySequence> ControlKeys::wanted(const Binding& b) const {
    if (!b.bindable) return {};
    const std::optional<QStringList> saved = settings_.keyBinding(b.id);
    if (!saved) return b.defaults;
    QList<QKeySequence> keys;
    for (const QString& text : *saved) {
        const QKeySequence key = QKeySequence::fromString(text, QKeySequence::PortableText);
        if (isUsable(key)) keys.append(key);
    }
    return keys;
}

void ControlKeys::applyAll() {
    for (Binding& b : bindings_) b.qaction->setShortcuts({});
    // In catalog order: the first binding to ask for a key has it.
    for (Binding& b : bindings_) {
        QList<QKeySequence> kept;
        for (const QKeySequence& key : wanted(b))
            if (!kept.contains(key) && holder(key, b.id).isEmpty()) kept.append(key);
        b.qaction->setShortcuts(kept);
    }
    emit keysChanged();
}

void ControlKeys::save() {
    for (const Binding& b : bindings_) {
        if (!b.bindable) continue;
        const QList<QKeySequence> now = b.qaction->shortcuts();
        if (now == b.defaults) {
            settings_.resetKeyBinding(b.id);  // a later default follows
            continue;
        }
        QStringList texts;
        for (const QKeySequence& key : now) texts << key.toString(QKeySequence::PortableText);
        settings_.setKeyBinding(b.id, texts);
    }
    settings_.sync();
}

void ControlKeys::trigger(const Binding& b) {
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    control::ActionCall call{b.action, b.params, control::Origin::Key,
                             std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()};
    const control::ActionResult result = port_.invoke(call);
    if (!result.ok())
        emit refused(tr("%1: %2").arg(b.title, QString::fromStdString(result.message)));
}

}  // namespace stemdeck::ui
