// What a screen reader gets from a widget tree (QAccessible): the interactive widgets that have no name, and
// combo boxes named after their value instead of their label.
#pragma once

#include <QAbstractButton>
#include <QAccessible>
#include <QComboBox>
#include <QStringList>
#include <QWidget>

namespace punctual::test {

/// Whether a widget of @p role is one a person uses (and so needs a name).
inline bool isInteractiveRole(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::List:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::PageTabList:
        return true;
    default:
        return false;
    }
}

/// The visible interactive widgets under @p root without an accessible name ("objectName (class): why"), and
/// combo boxes with neither an accessible name nor a label (whose name is then only their current value).
inline QStringList unnamedInteractive(QWidget *root)
{
    QStringList unnamed;
    const auto describe = [](const QWidget *widget, const QString &why) {
        QString where = widget->objectName();
        for (const QWidget *up = widget->parentWidget(); where.isEmpty() && up; up = up->parentWidget())
            if (!up->objectName().isEmpty())
                where = QStringLiteral("in ") + up->objectName();
        return QStringLiteral("%1 (%2): %3").arg(where, QString::fromLatin1(widget->metaObject()->className()), why);
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisible()) // disabled ones too: a screen reader lists them
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
        if (!iface || !isInteractiveRole(iface->role()))
            continue;
        const QString name = iface->text(QAccessible::Name).trimmed();
        if (name.isEmpty()) {
            unnamed << describe(widget, QStringLiteral("no name"));
            continue;
        }
        // On Linux Qt names a combo box after its value and gives its label as a relation (QLabel::setBuddy), which
        // screen readers read with it; an accessibleName is the label for the other platforms.
        if (const auto *combo = qobject_cast<const QComboBox *>(widget); combo && combo->accessibleName().isEmpty()
            && iface->relations(QAccessible::Label).isEmpty())
            unnamed << describe(widget, QStringLiteral("named after its value \"%1\" only").arg(name));
    }
    return unnamed;
}

} // namespace punctual::test
