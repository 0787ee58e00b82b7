#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace stemdeck::ui {

// Name, version and the versions of the libraries stemdeck runs on (what a bug report needs).
class AboutDialog : public QDialog {
    Q_OBJECT
  public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    // "Qt 6.4.2 · PortAudio V19.6.0-devel… · libsndfile-1.2.0", one per line.
    static QString versionsText();

  private:
    std::unique_ptr<Ui::AboutDialog> ui_;
};

}  // namespace stemdeck::ui
