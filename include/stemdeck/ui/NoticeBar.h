#pragma once

#include <QFrame>
#include <QList>
#include <QString>
#include <memory>
#include <utility>

namespace Ui {
class NoticeBar;
}

namespace stemdeck::ui {

// A strip across the window for problems that must outlast a status-bar message (which the
// next "Loading…" replaces): a settings file that could not be read, an audio device that
// went away. Each notice has a key, so whatever raised it can replace or withdraw it; the
// close button dismisses everything shown, and so does Escape while the bar has the focus (a
// click on it gives it). Hidden while there is nothing to say.
class NoticeBar : public QFrame {
    Q_OBJECT
  public:
    explicit NoticeBar(QWidget* parent = nullptr);
    ~NoticeBar() override;

    // Shows `text` under `key`, in place of what that key showed before; empty withdraws it.
    void setNotice(const QString& key, const QString& text);
    // Every notice shown, one per line, oldest first.
    QString text() const;

  protected:
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void dismiss();
    void refresh();

    std::unique_ptr<Ui::NoticeBar> ui_;
    QList<std::pair<QString, QString>> notices_;
};

}  // namespace stemdeck::ui
