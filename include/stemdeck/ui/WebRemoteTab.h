#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace stemdeck::app {
class Settings;
}
namespace stemdeck::remote {
class ControlHub;
}

namespace stemdeck::ui {

class QrCodeWidget;

// Settings › Controls › Web (docs/design/CONTROL.md §8, §9): the web remote on/off (off by
// default), its address (127.0.0.1; a warning for any other, a stronger one for 0.0.0.0) and
// port, applied at once through the ControlHub with its one-line status; the full and the
// read-only token as text, each with Regenerate (the old one stops working at once); the
// page's addresses (remotePageUrls) and a QR code of the first full one for a phone. GUI
// thread only.
class WebRemoteTab : public QWidget {
    Q_OBJECT
  public:
    WebRemoteTab(remote::ControlHub& hub, app::Settings& settings, QWidget* parent = nullptr);

  private:
    void apply();
    void refresh();

    remote::ControlHub& hub_;
    app::Settings& settings_;
    QCheckBox* enabled_ = nullptr;
    QLineEdit* address_ = nullptr;
    QSpinBox* port_ = nullptr;
    QLabel* warning_ = nullptr;
    QLabel* status_ = nullptr;
    QLineEdit* token_ = nullptr;
    QLineEdit* readToken_ = nullptr;
    QLabel* urls_ = nullptr;
    QrCodeWidget* qr_ = nullptr;
};

}  // namespace stemdeck::ui
