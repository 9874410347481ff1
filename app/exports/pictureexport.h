#pragma once

#include <QPainter>
#include <QSize>
#include <QString>

#include <functional>

namespace carteiro::app {

// Saves a drawing as PNG (at twice the size, sharp on a projector or in a handout) or as SVG,
// by the file's suffix. `paint` draws into a surface of `size`. On failure returns false and
// says why in *error.
bool savePicture(const QString &path, QSize size, const std::function<void(QPainter &)> &paint,
                 const QString &title, QString *error);

} // namespace carteiro::app
