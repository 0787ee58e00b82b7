#pragma once

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include "stemdeck/ui/Theme.h"

namespace stemdeck::test {

// The app's own look (style, palette, style sheet) for the life of this object, so what a
// test measures or pictures is what the user sees; the plain look comes back afterwards.
class AppTheme {
  public:
    AppTheme()
        : style_(QApplication::style()->name()),
          palette_(QApplication::palette()),
          sheet_(qApp->styleSheet()) {
        ui::applyTheme(*qApp);
    }
    ~AppTheme() {
        qApp->setStyleSheet(sheet_);
        QApplication::setPalette(palette_);
        QApplication::setStyle(QStyleFactory::create(style_));
    }
    AppTheme(const AppTheme&) = delete;
    AppTheme& operator=(const AppTheme&) = delete;

  private:
    QString style_;
    QPalette palette_;
    QString sheet_;
};

}  // namespace stemdeck::test
