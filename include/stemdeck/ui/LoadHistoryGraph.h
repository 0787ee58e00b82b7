#pragma once

#include <QWidget>
#include <deque>

namespace stemdeck::ui {

// A small scrolling graph of the audio callback's load (% of its time budget): the mean as
// a filled area, the worst callback as a line, guides at 50 % and 80 %.
class LoadHistoryGraph : public QWidget {
    Q_OBJECT
  public:
    static constexpr std::size_t kCapacity = 240;

    explicit LoadHistoryGraph(QWidget* parent = nullptr);

    void addSample(double loadPct, double peakPct);
    void clear();
    std::size_t sampleCount() const { return samples_.size(); }

    QSize sizeHint() const override { return {260, 70}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    struct Sample {
        double load;
        double peak;
    };
    std::deque<Sample> samples_;
};

}  // namespace stemdeck::ui
