#pragma once

#include <QColor>
#include <QFrame>
#include <memory>

#include "stemdeck/audio/mix/MixControls.h"

namespace Ui {
class TrackStrip;
}

namespace stemdeck::ui {

// One stem's channel strip: name, pan, fader (dB taper), peak meter, mute and solo. It only
// shows values and reports what the user does; the mixer panel applies it to the engine.
class TrackStrip : public QFrame {
    Q_OBJECT
  public:
    explicit TrackStrip(QWidget* parent = nullptr);
    ~TrackStrip() override;

    void setName(const QString& name);
    QString name() const { return name_; }
    void setColor(const QColor& color);
    // Shows a stem's mix without emitting anything. `audible` is false when the stem is
    // silent because of mute or another stem's solo; the strip then looks switched off.
    void showMix(const audio::StemMix& mix, bool audible);
    void showLevel(float peak, double seconds);
    bool meterAtRest() const;

  signals:
    void gainChanged(float db);
    void panChanged(float pan);
    void muteToggled(bool muted);
    void soloToggled(bool solo);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showGain(float db);
    void showPan(int value);
    void showAudible(bool audible);
    void elideName();

    std::unique_ptr<Ui::TrackStrip> ui_;
    QString name_;
    QColor color_;
};

}  // namespace stemdeck::ui
