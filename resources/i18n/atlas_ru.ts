<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>Coordinates</name>
    <message>
        <source>{0}° N</source>
        <translation>{0}° с. ш.</translation>
    </message>
    <message>
        <source>{0}° S</source>
        <translation>{0}° ю. ш.</translation>
    </message>
    <message>
        <source>{0}° E</source>
        <translation>{0}° в. д.</translation>
    </message>
    <message>
        <source>{0}° W</source>
        <translation>{0}° з. д.</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Tick a layer or group to show it; drag a layer to reorder it within its group; double-click a layer to zoom to it; the slider sets its opacity.</source>
        <translation>Отметьте слой или группу, чтобы показать их; перетащите слой, чтобы изменить его место в группе; дважды щёлкните слой, чтобы приблизить карту к нему; ползунок задаёт непрозрачность слоя.</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Непрозрачность</translation>
    </message>
    <message>
        <source>Data as of: {0}</source>
        <translation>Данные на: {0}</translation>
    </message>
    <message>
        <source>Accuracy: {0}</source>
        <translation>Точность: {0}</translation>
    </message>
    <message>
        <source>Opacity: {0} %</source>
        <translation>Непрозрачность: {0} %</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Central Asia Security Atlas</source>
        <translation>Атлас безопасности Центральной Азии</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Save map image…</source>
        <translation>Сохранить изображение карты…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Zoom to Central Asia</source>
        <translation>Показать Центральную Азию</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About the atlas and its data</source>
        <translation>Об атласе и его данных</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Zoom {0}</source>
        <translation>Масштаб {0}</translation>
    </message>
    <message>
        <source>≈ {0}</source>
        <translation>≈ {0}</translation>
    </message>
    <message>
        <source>Selection not found: {0}</source>
        <translation>Выбранный объект не найден: {0}</translation>
    </message>
    <message>
        <source>Selected: {0} — {1}</source>
        <translation>Выбрано: {0} — {1}</translation>
    </message>
    <message>
        <source>Layer &apos;{0}&apos; could not be drawn: {1}</source>
        <translation>Не удалось отобразить слой «{0}»: {1}</translation>
    </message>
    <message>
        <source>Some layers were not loaded</source>
        <translation>Некоторые слои не загружены</translation>
    </message>
    <message>
        <source>These layer definitions have problems and were skipped:</source>
        <translation>В этих описаниях слоёв есть ошибки, поэтому они пропущены:</translation>
    </message>
    <message>
        <source>Save map image</source>
        <translation>Сохранить изображение карты</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>Не удалось записать {0}</translation>
    </message>
    <message>
        <source>About the atlas</source>
        <translation>Об атласе</translation>
    </message>
    <message>
        <source>Central Asia Security Atlas

An offline atlas of security in Central Asia. Every layer names its sources.

Map data: {0}</source>
        <translation>Атлас безопасности Центральной Азии

Автономный (офлайн) атлас безопасности в Центральной Азии. Для каждого слоя указаны его источники.

Картографические данные: {0}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Zoom in</source>
        <translation>Приблизить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Отдалить</translation>
    </message>
    <message>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <source>m</source>
        <translation>м</translation>
    </message>
</context>
</TS>
