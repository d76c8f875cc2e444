<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>Coordinates</name>
    <message>
        <source>{0}° N</source>
        <translation>{0}° с. е.</translation>
    </message>
    <message>
        <source>{0}° S</source>
        <translation>{0}° о. е.</translation>
    </message>
    <message>
        <source>{0}° E</source>
        <translation>{0}° ш. б.</translation>
    </message>
    <message>
        <source>{0}° W</source>
        <translation>{0}° б. б.</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Tick a layer or group to show it; drag a layer to reorder it within its group; double-click a layer to zoom to it; the slider sets its opacity.</source>
        <translation>Қабатты немесе топты көрсету үшін белгілеңіз; қабаттың топ ішіндегі ретін өзгерту үшін оны сүйреңіз; қабатқа жақындау үшін оны екі рет басыңыз; жүгірткі қабаттың мөлдірсіздігін реттейді.</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <source>Layer</source>
        <translation>Қабат</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Мөлдірсіздік</translation>
    </message>
    <message>
        <source>Data as of: {0}</source>
        <translation>Деректер күні: {0}</translation>
    </message>
    <message>
        <source>Accuracy: {0}</source>
        <translation>Дәлдігі: {0}</translation>
    </message>
    <message>
        <source>Opacity: {0} %</source>
        <translation>Мөлдірсіздік: {0} %</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Central Asia Security Atlas</source>
        <translation>Орталық Азия қауіпсіздігі атласы</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Қабаттар</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Save map image…</source>
        <translation>Карта суретін сақтау…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>Zoom to Central Asia</source>
        <translation>Орталық Азияны көрсету</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>About the atlas and its data</source>
        <translation>Атлас және оның деректері туралы</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
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
        <translation>Таңдалған нысан табылмады: {0}</translation>
    </message>
    <message>
        <source>Selected: {0} — {1}</source>
        <translation>Таңдалды: {0} — {1}</translation>
    </message>
    <message>
        <source>Layer &apos;{0}&apos; could not be drawn: {1}</source>
        <translation>«{0}» қабатын көрсету мүмкін болмады: {1}</translation>
    </message>
    <message>
        <source>Some layers were not loaded</source>
        <translation>Кейбір қабаттар жүктелмеді</translation>
    </message>
    <message>
        <source>These layer definitions have problems and were skipped:</source>
        <translation>Мына қабат сипаттамаларында қателер бар, сондықтан олар өткізіліп жіберілді:</translation>
    </message>
    <message>
        <source>Save map image</source>
        <translation>Карта суретін сақтау</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG суреті (*.png)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>{0} файлын жазу мүмкін болмады</translation>
    </message>
    <message>
        <source>About the atlas</source>
        <translation>Атлас туралы</translation>
    </message>
    <message>
        <source>Central Asia Security Atlas

An offline atlas of security in Central Asia. Every layer names its sources.

Map data: {0}</source>
        <translation>Орталық Азия қауіпсіздігі атласы

Орталық Азиядағы қауіпсіздік туралы желісіз (офлайн) жұмыс істейтін атлас. Әр қабат өз дереккөздерін көрсетеді.

Карта деректері: {0}</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Zoom in</source>
        <translation>Жақындату</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Алыстату</translation>
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
