#include "app/exports/pictureexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QSvgGenerator>

namespace carteiro::app {

bool savePicture(const QString &path, QSize size, const std::function<void(QPainter &)> &paint,
                 const QString &title, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        svg.setDescription(
            QCoreApplication::translate("carteiro::app::savePicture", "Drawn by Carteiro"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = QCoreApplication::translate("carteiro::app::savePicture", "Cannot write %1.")
                         .arg(path);
            return false;
        }
        paint(painter);
        painter.end();
        return true;
    }
    if (suffix != QLatin1String("png")) {
        *error = QCoreApplication::translate("carteiro::app::savePicture",
                                             "Pictures are saved as .png or .svg, not .%1.")
                     .arg(suffix);
        return false;
    }
    constexpr int kScale = 2;
    QImage image(size * kScale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kScale);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter);
    painter.end();
    if (!image.save(path, "PNG")) {
        *error =
            QCoreApplication::translate("carteiro::app::savePicture", "Cannot write %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace carteiro::app
