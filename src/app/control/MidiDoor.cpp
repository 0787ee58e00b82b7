#include "stemdeck/app/control/MidiDoor.h"

#include <QFileInfo>
#include <QSocketNotifier>
#include <chrono>

#include "ActionReplies.h"
#include "stemdeck/control/backend/MidiInput.h"
#include "stemdeck/control/backend/MidiOutput.h"
#include "stemdeck/control/midi/MidiMessage.h"

namespace stemdeck::app {

using control::backend::MidiApi;
using control::backend::MidiInput;
using control::backend::MidiOutput;
using control::backend::MidiSystem;
namespace midi = control::midi;

namespace {

std::string pathOf(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

QString sourceText(const midi::MidiSource& source) {
    const QString channel = source.channel == 0 ? QStringLiteral("any channel")
                                                : QStringLiteral("ch %1").arg(source.channel);
    switch (source.type) {
        case midi::MidiSource::Type::Note:
            return QStringLiteral("note %1 %2").arg(source.number).arg(channel);
        case midi::MidiSource::Type::Cc:
            return QStringLiteral("CC %1 %2").arg(source.number).arg(channel);
        case midi::MidiSource::Type::Pc:
            return QStringLiteral("program %1 %2").arg(source.number).arg(channel);
    }
    return {};
}

bool isVirtual(const std::string& input) {
    return input.empty() || input == "virtual";
}

}  // namespace

MidiDoor::MidiDoor(control::ControlPort& port, QObject* parent) : QObject(parent), port_(port) {
    learnTimer_.setSingleShot(true);
    connect(&learnTimer_, &QTimer::timeout, this, &MidiDoor::pollLearn);
    portTimer_.setInterval(kPortPollMs);
    connect(&portTimer_, &QTimer::timeout, this, &MidiDoor::pollPorts);
    status_ = QStringLiteral("MIDI control is off");
}

MidiDoor::~MidiDoor() {
    blockSignals(true);  // nobody listening to a door being destroyed needs to hear it close
    stop();
}

bool MidiDoor::start(const MidiDoorConfig& config) {
    stop();
    config_ = config;
    started_ = true;
    messageCount_ = 0;
    api_ = config.api ? *config.api : MidiSystem::detect().api;

    mapping_ = {};
    mapping_.programChange = midi::ProgramChangeRule{};  // program n → song n + 1 by default
    if (!config_.mappingPath.isEmpty() && QFileInfo::exists(config_.mappingPath)) {
        const midi::MidiMappingLoad load = midi::MidiMappingFile::load(pathOf(config_.mappingPath));
        if (load.ok) mapping_ = load.mapping;
        for (const auto& line : load.problems)
            emit problem(QStringLiteral("MIDI mapping: %1").arg(QString::fromStdString(line)));
    }
    if (mapping_.controller.empty() && !isVirtual(config_.input))
        mapping_.controller = config_.input;
    rebuild();

    if (api_ == MidiApi::None) {
        setStatus(QString::fromUtf8(MidiSystem::kNoneNote));
        return false;
    }
    input_ = std::make_unique<MidiInput>(api_);
    output_ = std::make_unique<MidiOutput>(api_);
    if (input_->fd() >= 0) {
        notifier_ =
            new QSocketNotifier(static_cast<qintptr>(input_->fd()), QSocketNotifier::Read, this);
        connect(notifier_, &QSocketNotifier::activated, this, &MidiDoor::drain);
    }
    const bool opened = openInput();
    openFeedback();
    pollPorts();
    portTimer_.start();
    setStatus(describe());
    if (opened) refreshFeedback();
    return opened;
}

void MidiDoor::stop() {
    portTimer_.stop();
    learnTimer_.stop();
    learn_.cancel();
    const bool wasLearning = learnAction_.has_value();
    learnAction_.reset();
    if (notifier_) {
        // stop() may run inside the notifier's own signal (an action closing the door).
        notifier_->setEnabled(false);
        notifier_->deleteLater();
        notifier_ = nullptr;
    }
    input_.reset();  // closes RtMidi: no callback after this
    output_.reset();
    inputProblem_.clear();
    started_ = false;
    if (wasLearning) emit learnCancelled();
    setStatus(QStringLiteral("MIDI control is off"));
}

bool MidiDoor::isOpen() const {
    return input_ && input_->isOpen();
}

bool MidiDoor::feedbackOpen() const {
    return output_ && output_->isOpen();
}

bool MidiDoor::openInput() {
    inputProblem_.clear();
    const std::string error =
        input_->open(isVirtual(config_.input) ? std::string{} : config_.input);
    if (error.empty()) return true;
    inputProblem_ = QString::fromStdString(error);
    // A named controller not plugged in yet is opened when it appears (pollPorts).
    if (!isVirtual(config_.input)) inputProblem_ += QStringLiteral(" (waiting for it)");
    return false;
}

void MidiDoor::openFeedback() {
    if (!output_ || config_.feedback == "none") return;
    const std::string name = config_.feedback.empty() ? mapping_.feedbackPort : config_.feedback;
    output_->open(name);  // a named port not there yet is retried by pollPorts
}

void MidiDoor::closeInput() {
    if (input_) input_->close();
}

QString MidiDoor::describe() const {
    if (api_ == MidiApi::None) return QString::fromUtf8(MidiSystem::kNoneNote);
    QString text = QStringLiteral("MIDI (%1): ").arg(QString::fromUtf8(MidiSystem::apiName(api_)));
    if (isOpen())
        text += QStringLiteral("input %1")
                    .arg(isVirtual(config_.input) ? QStringLiteral("stemdeck:control_in")
                                                  : QString::fromStdString(config_.input));
    else
        text += inputProblem_;
    if (feedbackOpen())
        text += QStringLiteral(", feedback %1").arg(QString::fromStdString(output_->portName()));
    else if (config_.feedback != "none")
        text += QStringLiteral(", no feedback port");
    const auto count = static_cast<int>(mapping_.bindings.size());
    text += QStringLiteral(", %1 binding%2").arg(count).arg(count == 1 ? "" : "s");
    return text;
}

void MidiDoor::setStatus(QString status) {
    if (status == status_) return;
    status_ = std::move(status);
    emit statusChanged(status_);
}

void MidiDoor::rebuild() {
    mapper_ = std::make_unique<midi::MidiMapper>(mapping_.bindings, mapping_.programChange,
                                                 port_.actions());
    feedback_ = std::make_unique<midi::MidiFeedback>(mapping_.bindings, port_.actions());
}

void MidiDoor::setMapping(midi::MidiMapping mapping) {
    mapping_ = std::move(mapping);
    rebuild();
    save();
    if (started_) setStatus(describe());
    refreshFeedback();
}

void MidiDoor::save() {
    if (config_.mappingPath.isEmpty()) return;
    const std::string error = midi::MidiMappingFile::save(mapping_, pathOf(config_.mappingPath));
    if (!error.empty())
        emit problem(QStringLiteral("MIDI mapping: %1").arg(QString::fromStdString(error)));
}

void MidiDoor::drain() {
    if (!input_) return;
    std::vector<midi::MidiEvent> events;
    input_->drain([&events](const midi::MidiEvent& event) { events.push_back(event); });
    for (const auto& event : events) {
        if (!input_) return;  // an action stopped the door
        handle(event.bytes, event.size, event.receivedNs);
    }
}

void MidiDoor::handle(const std::uint8_t* bytes, std::size_t size, std::int64_t receivedNs) {
    const auto message = midi::MidiMessage::parse(bytes, size);
    if (!message) return;
    ++messageCount_;
    if (learnAction_) {
        // The message that teaches a binding does not act as well.
        if (const auto result = learn_.feed(*message, receivedNs)) {
            finishLearn(*result);
        } else if (learn_.active() && !learnTimer_.isActive()) {
            learnTimer_.start(static_cast<int>(midi::MidiLearn::kMomentaryWindowNs / 1'000'000) +
                              20);
        }
        return;
    }
    feedback_->noteInput(*message, receivedNs);
    const auto target = [this](const midi::MidiBinding& b) { return targetValue(b); };
    for (const control::ActionCall& call : mapper_->map(*message, receivedNs, target)) {
        const control::ActionResult result = port_.invoke(call);
        if (!result.ok())
            emit problem(QStringLiteral("MIDI %1: %2")
                             .arg(QString::fromStdString(call.name),
                                  QString::fromStdString(result.message)));
    }
}

bool MidiDoor::startLearn(const QString& action,
                          const std::map<std::string, control::ParamValue>& args) {
    const std::string name = action.toStdString();
    bool known = false;
    for (const auto& spec : port_.actions()) known = known || spec.name == name;
    if (!known) {
        emit problem(QStringLiteral("MIDI learn: unknown action \"%1\"").arg(action.left(80)));
        return false;
    }
    learnTimer_.stop();
    learn_.start(replies::steadyNowNs());
    learnAction_ = name;
    learnArgs_ = args;
    emit learnStarted(action);
    return true;
}

void MidiDoor::cancelLearn() {
    if (!learnAction_) return;
    learnTimer_.stop();
    learn_.cancel();
    learnAction_.reset();
    emit learnCancelled();
}

void MidiDoor::pollLearn() {
    if (const auto result = learn_.poll(replies::steadyNowNs()))
        finishLearn(*result);
    else if (learn_.active())
        learnTimer_.start(50);  // woken a little early: the window is not over yet
}

void MidiDoor::finishLearn(const midi::MidiLearn::Result& result) {
    learnTimer_.stop();
    if (!learnAction_) return;
    const std::string action = *learnAction_;
    learnAction_.reset();
    const control::ActionSpec* spec = nullptr;
    for (const auto& s : port_.actions())
        if (s.name == action) spec = &s;
    if (!spec) return;
    midi::MidiBinding binding = midi::MidiLearn::suggest(*spec, result);
    binding.args = learnArgs_;
    // One control, one meaning: what the pedal did before is replaced.
    std::erase_if(mapping_.bindings,
                  [&](const midi::MidiBinding& b) { return b.source == binding.source; });
    mapping_.bindings.push_back(std::move(binding));
    rebuild();
    save();
    if (started_) setStatus(describe());
    emit learned(QString::fromStdString(action), sourceText(result.source));
    refreshFeedback();
}

void MidiDoor::pollPorts() {
    if (!input_) return;
    QStringList ports;
    for (const auto& name : input_->ports()) ports << QString::fromStdString(name);
    if (ports != inputPorts_) {
        inputPorts_ = ports;
        emit portsChanged(inputPorts_);
    }
    if (!isVirtual(config_.input)) {
        const QString wanted = QString::fromStdString(config_.input);
        bool present = false;
        for (const auto& name : ports) present = present || name.contains(wanted);
        if (isOpen() && !present) {
            closeInput();
            inputProblem_ = QStringLiteral("MIDI input: %1 went away (waiting for it)").arg(wanted);
        } else if (!isOpen() && present && openInput()) {
            // Its feedback port came back with it: opened again, so connected again.
            openFeedback();
            refreshFeedback();  // a controller plugged in again shows the state at once
        }
    }
    if (!feedbackOpen() && config_.feedback != "none" &&
        !(config_.feedback.empty() && mapping_.feedbackPort.empty()))
        openFeedback();
    setStatus(describe());
}

}  // namespace stemdeck::app
