#include "stemdeck/ui/ExportDialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalBlocker>

#include "Feedback.h"
#include "stemdeck/app/DisplayText.h"
#include "stemdeck/app/PlaybackManager.h"
#include "stemdeck/audio/core/Limits.h"
#include "stemdeck/audio/loader/Song.h"
#include "stemdeck/ui/Palette.h"
#include "ui_ExportDialog.h"

namespace stemdeck::ui {

namespace {

struct FormatChoice {
    const char* label;
    const char* extension;
    audio::RenderSampleFormat format;
};
// The first entry is the default.
constexpr FormatChoice kFormats[] = {
    {"WAV, 24-bit", "wav", audio::RenderSampleFormat::Pcm24},
    {"WAV, 16-bit", "wav", audio::RenderSampleFormat::Pcm16},
    {"WAV, 32-bit float", "wav", audio::RenderSampleFormat::Float32},
    {"FLAC, 24-bit", "flac", audio::RenderSampleFormat::Pcm24},
    {"FLAC, 16-bit", "flac", audio::RenderSampleFormat::Pcm16},
};

QString extensionOf(int index) {
    return QString::fromLatin1(kFormats[index].extension);
}

}  // namespace

ExportDialog::ExportDialog(const app::PlaybackManager& playback, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::ExportDialog>()), playback_(playback) {
    ui_->setupUi(this);
    // The passes the renderer and the CLI's --loops take (audio/core/Limits.h).
    ui_->loopsSpin->setRange(1, audio::limits::kMaxLoopPasses);
    for (const FormatChoice& f : kFormats) ui_->formatCombo->addItem(tr(f.label));
    ui_->loopHint->setStyleSheet(QStringLiteral("color: %1;").arg(palette::kDimText.name()));

    // A name beside the song folder, so the mix is found next to the songs it came from.
    if (const audio::Song* song = playback_.song()) {
        const QFileInfo folder(QString::fromStdString(song->folder.string()));
        // The suggested name is one the user may keep: no control characters from the
        // folder's name end up in a new file's name (they show as their symbols here).
        ui_->fileEdit->setText(QDir::toNativeSeparators(folder.absolutePath() + QLatin1Char('/') +
                                                        app::displayName(folder.fileName()) +
                                                        tr(" mix.wav")));
    }
    ui_->tempoCheck->setToolTip(tr("Tempo %1 %, pitch %2 cents")
                                    .arg(playback_.tempo() * 100.0, 0, 'f', 0)
                                    .arg(playback_.pitchCents(), 0, 'f', 0));
    showLoopState();
    setRunning(false);

    connect(ui_->browseButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(ui_->exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(ui_->cancelButton, &QPushButton::clicked, this, [this] {
        if (job_) job_->cancel();
    });
    connect(ui_->closeButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(ui_->formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(ui_->fileEdit, &QLineEdit::editingFinished, this, &ExportDialog::fileEdited);
    connect(ui_->loopCheck, &QCheckBox::toggled, ui_->loopsSpin, &QWidget::setEnabled);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::reject() {
    if (job_ && job_->running()) job_->cancel();
    QDialog::reject();
}

void ExportDialog::showLoopState() {
    // A complete loop (loopEnd() is -1 while there is none).
    const bool hasLoop = playback_.hasSong() && playback_.loopEnd() >= 0;
    ui_->loopCheck->setEnabled(hasLoop);
    if (!hasLoop) ui_->loopCheck->setChecked(false);
    ui_->loopsSpin->setEnabled(hasLoop && ui_->loopCheck->isChecked());
    ui_->loopHint->setText(hasLoop ? tr("(%1 s – %2 s)")
                                         .arg(playback_.loopStart(), 0, 'f', 2)
                                         .arg(playback_.loopEnd(), 0, 'f', 2)
                                   : tr("(set a loop first)"));
}

void ExportDialog::chooseFile() {
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Mix"), ui_->fileEdit->text(),
                                                      tr("WAV (*.wav);;FLAC (*.flac)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (file.isEmpty()) return;
    ui_->fileEdit->setText(QDir::toNativeSeparators(file));
    fileEdited();
}

// The format follows a typed extension (keeping the bit depth when it can) ...
void ExportDialog::fileEdited() {
    const QString ext = QFileInfo(ui_->fileEdit->text()).suffix().toLower();
    const int current = ui_->formatCombo->currentIndex();
    if (ext.isEmpty() || ext == extensionOf(current)) return;
    int best = -1;
    for (int i = 0; i < ui_->formatCombo->count(); ++i) {
        if (extensionOf(i) != ext) continue;
        if (best < 0 || kFormats[i].format == kFormats[current].format) best = i;
    }
    if (best < 0) return;  // an unknown extension is reported when exporting
    const QSignalBlocker block(ui_->formatCombo);
    ui_->formatCombo->setCurrentIndex(best);
}

// ... and the file name's extension follows the chosen format.
void ExportDialog::formatChanged() {
    const QString text = ui_->fileEdit->text().trimmed();
    if (text.isEmpty()) return;
    const QFileInfo info(text);
    const QString ext = extensionOf(ui_->formatCombo->currentIndex());
    if (info.suffix().toLower() == ext) return;
    const QString base =
        info.suffix().isEmpty() ? text : text.left(text.size() - info.suffix().size() - 1);
    ui_->fileEdit->setText(base + QLatin1Char('.') + ext);
}

app::ExportChoices ExportDialog::choices() const {
    app::ExportChoices c;
    c.format = kFormats[ui_->formatCombo->currentIndex()].format;
    c.tempoAndPitch = ui_->tempoCheck->isChecked();
    c.loopOnly = ui_->loopCheck->isEnabled() && ui_->loopCheck->isChecked();
    c.loops = ui_->loopsSpin->value();
    c.click = ui_->clickCheck->isChecked();
    return c;
}

void ExportDialog::startExport() {
    if (job_ && job_->running()) return;
    QString file = QDir::fromNativeSeparators(ui_->fileEdit->text().trimmed());
    if (file.isEmpty()) {
        showMessage(tr("Choose a file to export to."), true);
        return;
    }
    if (QFileInfo(file).suffix().isEmpty()) {
        file += QLatin1Char('.') + extensionOf(ui_->formatCombo->currentIndex());
        ui_->fileEdit->setText(QDir::toNativeSeparators(file));
    }
    file = QFileInfo(file).absoluteFilePath();
    if (QFileInfo(file).isDir()) {
        showMessage(tr("%1 is a folder; add a file name.").arg(QDir::toNativeSeparators(file)),
                    true);
        return;
    }
    // A file of the song is never replaced (the render refuses it too): say so before asking.
    if (const audio::Song* song = playback_.song()) {
        const QString refusal = app::ExportJob::refusal(*song, file);
        if (!refusal.isEmpty()) {
            showMessage(refusal, true);
            return;
        }
    }
    // Replacing a file loses it: ask first.
    if (QFileInfo::exists(file) &&
        QMessageBox::question(
            this, tr("Export Mix"),
            tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(file))) !=
            QMessageBox::Yes)
        return;
    job_ = playback_.exportJob(file, choices());
    if (!job_) {
        showMessage(tr("Open a song first."), true);
        return;
    }
    // A song still loading is waited for (the job says so), then rendered whole.
    connect(job_.get(), &app::ExportJob::waitingForSong, this, [this, file] {
        showMessage(tr("Waiting for the song to finish loading, then exporting to %1…")
                        .arg(QDir::toNativeSeparators(file)),
                    false);
    });
    connect(job_.get(), &app::ExportJob::progressChanged, this, [this, file](double fraction) {
        if (ui_->progressBar->value() == 0 && fraction > 0.0)
            showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)), false);
        ui_->progressBar->setValue(static_cast<int>(fraction * kProgressSteps));
    });
    connect(job_.get(), &app::ExportJob::finished, this, &ExportDialog::onFinished);
    ui_->progressBar->setValue(0);
    showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)), false);
    setRunning(true);
    emit exportStarted(job_.get());
    job_->start();
}

void ExportDialog::onFinished(bool ok, const QString& message) {
    setRunning(false);
    if (ok) ui_->progressBar->setValue(kProgressSteps);
    showMessage(message, !ok);
    emit exportFinished(ok, message);
}

void ExportDialog::setRunning(bool running) {
    for (QWidget* w :
         {static_cast<QWidget*>(ui_->fileEdit), static_cast<QWidget*>(ui_->browseButton),
          static_cast<QWidget*>(ui_->formatCombo), static_cast<QWidget*>(ui_->tempoCheck),
          static_cast<QWidget*>(ui_->clickCheck), static_cast<QWidget*>(ui_->exportButton)})
        w->setEnabled(!running);
    if (running) {
        ui_->loopCheck->setEnabled(false);
        ui_->loopsSpin->setEnabled(false);
    } else {
        showLoopState();
    }
    ui_->cancelButton->setEnabled(running);
}

void ExportDialog::showMessage(const QString& text, bool problem) {
    ui_->messageLabel->setText(text);
    ui_->messageLabel->setStyleSheet(
        QStringLiteral("color: %1;").arg((problem ? palette::kBad : palette::kDimText).name()));
}

}  // namespace stemdeck::ui
