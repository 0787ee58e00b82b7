#pragma once

#include <QDialog>
#include <QList>

#include "stemdeck/ui/ShortcutGuide.h"

class QTableWidget;

namespace stemdeck::ui {

// Help › Keyboard Shortcuts: a table of menu, action and keys (see ShortcutGuide). GUI thread
// only.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ShortcutsDialog(const QList<ShortcutGuide::Row>& rows, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }

  private:
    QTableWidget* table_;
};

}  // namespace stemdeck::ui
