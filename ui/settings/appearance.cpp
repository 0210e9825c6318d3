// Appearance: the style and palette of the running application.
#include "appearance.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

#include <optional>

namespace punctual::appearance {

namespace {

/// The style and palette the application had before the first apply(): what "Follow the system" goes back to.
struct Original
{
    QString style;
    QPalette palette;
};

const Original &original()
{
    static const Original saved{QApplication::style() ? QApplication::style()->name() : QString(),
                                QApplication::palette()};
    return saved;
}

void setColors(QPalette &palette, QPalette::ColorGroup group, const QColor &text, const QColor &highlight,
               const QColor &highlightedText, const QColor &base)
{
    palette.setColor(group, QPalette::WindowText, text);
    palette.setColor(group, QPalette::Text, text);
    palette.setColor(group, QPalette::ButtonText, text);
    palette.setColor(group, QPalette::Highlight, highlight);
    palette.setColor(group, QPalette::HighlightedText, highlightedText);
    palette.setColor(group, QPalette::Base, base);
}

} // namespace

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x80, 0x80, 0x80);
    QPalette palette;
    for (auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        palette.setColor(group, QPalette::Window, window);
        palette.setColor(group, QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        palette.setColor(group, QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
        palette.setColor(group, QPalette::ToolTipText, text);
        palette.setColor(group, QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        palette.setColor(group, QPalette::Button, QColor(0x35, 0x35, 0x35));
        palette.setColor(group, QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
        palette.setColor(group, QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
        palette.setColor(group, QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
        palette.setColor(group, QPalette::Mid, QColor(0x24, 0x24, 0x24));
        palette.setColor(group, QPalette::Dark, QColor(0x18, 0x18, 0x18));
        palette.setColor(group, QPalette::Shadow, QColor(0x00, 0x00, 0x00));
        palette.setColor(group, QPalette::Link, QColor(0x7c, 0xb8, 0xff));
        palette.setColor(group, QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
    }
    setColors(palette, QPalette::Active, text, QColor(0x2f, 0x6f, 0xc8), Qt::white, base);
    setColors(palette, QPalette::Inactive, text, QColor(0x3a, 0x4a, 0x60), text, base);
    setColors(palette, QPalette::Disabled, disabledText, QColor(0x40, 0x40, 0x40), disabledText,
              QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Disabled, QPalette::PlaceholderText, QColor(0x6a, 0x6a, 0x6a));
    return palette;
}

void apply(ColorScheme scheme)
{
    static bool changed = false; // while nothing was changed, "the system's" is left alone: it follows the desktop
    const Original &before = original(); // saved at the first call, before anything changed
    if (scheme == ColorScheme::System && !changed)
        return;
    changed = true;
    switch (scheme) {
    case ColorScheme::System:
        if (!before.style.isEmpty())
            QApplication::setStyle(before.style);
        QApplication::setPalette(before.palette);
        break;
    case ColorScheme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ColorScheme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace punctual::appearance
