#include "stemdeck/ui/Theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QStyleFactory>

#include "stemdeck/ui/Palette.h"

namespace stemdeck::ui {

void applyTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, palette::kWindow);
    p.setColor(QPalette::WindowText, palette::kText);
    p.setColor(QPalette::Base, palette::kPanel);
    p.setColor(QPalette::AlternateBase, palette::kRaised);
    p.setColor(QPalette::Text, palette::kText);
    p.setColor(QPalette::Button, palette::kRaised);
    p.setColor(QPalette::ButtonText, palette::kText);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, palette::kAccent);
    p.setColor(QPalette::HighlightedText, palette::kWindow);
    p.setColor(QPalette::ToolTipBase, palette::kRaised);
    p.setColor(QPalette::ToolTipText, palette::kText);
    p.setColor(QPalette::PlaceholderText, palette::kDimText);
    p.setColor(QPalette::Link, palette::kAccent);
    p.setColor(QPalette::Mid, palette::kBorder);
    p.setColor(QPalette::Dark, palette::kWindow.darker(130));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, palette::kInaudible);
    app.setPalette(p);

    QFile sheet(QStringLiteral(":/stemdeck/style.qss"));
    if (sheet.open(QIODevice::ReadOnly)) app.setStyleSheet(QString::fromUtf8(sheet.readAll()));
}

}  // namespace stemdeck::ui
