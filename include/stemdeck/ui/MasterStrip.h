#pragma once

#include <QFrame>
#include <memory>

namespace Ui {
class MasterStrip;
}

namespace stemdeck::ui {

// The master fader with the stereo output meter and its peak readout. GUI thread only.
class MasterStrip : public QFrame {
    Q_OBJECT
  public:
    explicit MasterStrip(QWidget* parent = nullptr);
    ~MasterStrip() override;

    // Shows the master gain without emitting anything.
    void showGain(float db);
    void showLevels(float left, float right, double seconds);
    void resetMeters();
    bool metersAtRest() const;

  signals:
    void gainChanged(float db);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showGainText(float db);

    std::unique_ptr<Ui::MasterStrip> ui_;
};

}  // namespace stemdeck::ui
