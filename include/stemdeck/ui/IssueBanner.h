#pragma once

#include <QFrame>
#include <QList>
#include <memory>

#include "stemdeck/ui/LoadMessages.h"

namespace Ui {
class IssueBanner;
}

namespace stemdeck::ui {

// The amber strip over the timeline for problems with the song that did load (files left out,
// a stored mix or markers that could not be used): what happened in a musician's words, the
// technical detail behind a Details button, and a close button (Escape closes it too while it
// has the focus, which a click on it gives). Hidden while there is nothing to say; a new song
// brings up its own problems again. GUI thread.
class IssueBanner : public QFrame {
    Q_OBJECT
  public:
    explicit IssueBanner(QWidget* parent = nullptr);
    ~IssueBanner() override;

    // Shows these problems (empty ones are left out), or hides the banner when there are none.
    void showMessages(const QList<LoadMessages::Message>& messages);
    // The summaries, one per line, and the details, as shown.
    QString text() const;
    QString details() const;
    bool detailsShown() const;
    void dismiss();

  protected:
    void keyPressEvent(QKeyEvent* event) override;

  private:
    std::unique_ptr<Ui::IssueBanner> ui_;
};

}  // namespace stemdeck::ui
