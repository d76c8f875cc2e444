<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Add annotation</source>
        <translation>Аннотация қосу</translation>
    </message>
    <message>
        <source>Move annotation</source>
        <translation>Аннотацияны жылжыту</translation>
    </message>
    <message>
        <source>Change annotation style</source>
        <translation>Аннотация стилін өзгерту</translation>
    </message>
    <message>
        <source>Edit annotation text</source>
        <translation>Аннотация мәтінін өңдеу</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Аннотацияны жою</translation>
    </message>
</context>
<context>
    <name>AnnotationTextDialog</name>
    <message>
        <source>Marker</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Text label</source>
        <translation>Мәтіндік жазба</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Мәтін:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Жазба:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
</context>
<context>
    <name>AnnotationToolBar</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотациялар</translation>
    </message>
    <message>
        <source>Select / move</source>
        <translation>Таңдау / жылжыту</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Көрсеткі</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Сызық</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Көпбұрыш</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Тіктөртбұрыш</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Click an annotation to select it; drag it to move it</source>
        <translation>Аннотацияны таңдау үшін оны басыңыз; жылжыту үшін оны сүйреңіз</translation>
    </message>
    <message>
        <source>Click on the map to place a text label</source>
        <translation>Мәтіндік жазбаны орналастыру үшін картаны басыңыз</translation>
    </message>
    <message>
        <source>Click points; double-click to end the arrow</source>
        <translation>Нүктелерді басыңыз; көрсеткіні аяқтау үшін екі рет басыңыз</translation>
    </message>
    <message>
        <source>Click points; double-click to end the line</source>
        <translation>Нүктелерді басыңыз; сызықты аяқтау үшін екі рет басыңыз</translation>
    </message>
    <message>
        <source>Click corners; double-click to close the area</source>
        <translation>Бұрыш нүктелерін басыңыз; көпбұрышты тұйықтау үшін екі рет басыңыз</translation>
    </message>
    <message>
        <source>Drag on the map to highlight a rectangle</source>
        <translation>Тіктөртбұрышты ерекшелеу үшін картада сүйреңіз</translation>
    </message>
    <message>
        <source>Click on the map to place a marker with a note</source>
        <translation>Ескертпесі бар белгі қою үшін картаны басыңыз</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Түс</translation>
    </message>
    <message>
        <source> Width </source>
        <translation> Қалыңдық </translation>
    </message>
    <message>
        <source> Font </source>
        <translation> Қаріп </translation>
    </message>
    <message>
        <source> Fill </source>
        <translation> Бояу </translation>
    </message>
    <message>
        <source>Line width (px)</source>
        <translation>Сызық қалыңдығы (пикс.)</translation>
    </message>
    <message>
        <source>Font size (px)</source>
        <translation>Қаріп өлшемі (пикс.)</translation>
    </message>
    <message>
        <source>Fill opacity of areas</source>
        <translation>Көпбұрыштар бояуының мөлдірсіздігі</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>Мәтінді өңдеу…</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Аннотацияны жою</translation>
    </message>
    <message>
        <source>Annotation colour</source>
        <translation>Аннотация түсі</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <source>(yours)</source>
        <translation>(сіздікі)</translation>
    </message>
    <message>
        <source>Your figure; the atlas&apos;s: {0}</source>
        <translation>Сіздің көрсеткішіңіз; атластікі: {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Value on the map</source>
        <translation>Картадағы мән</translation>
    </message>
    <message>
        <source>Filter rows (any column)…</source>
        <translation>Жолдарды сүзу (кез келген баған бойынша)…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Таңдалған нысанды көрсету</translation>
    </message>
    <message>
        <source>The layer shown in the table</source>
        <translation>Кестеде көрсетілген қабат</translation>
    </message>
    <message>
        <source>Cannot read: {0}</source>
        <translation>Оқу мүмкін болмады: {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{1} ішінен {0}</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>Open base&amp;map…</source>
        <translation>Негізгі &amp;картаны ашу…</translation>
    </message>
    <message>
        <source>{0} is not a tile archive (MBTiles or PMTiles).</source>
        <translation>{0} — тайлдар мұрағаты емес (MBTiles не PMTiles).</translation>
    </message>
    <message>
        <source>{0} holds vector tiles compressed in a way the atlas cannot read.</source>
        <translation>{0} ішіндегі векторлық тайлдар атлас оқи алмайтын тәсілмен сығылған.</translation>
    </message>
    <message>
        <source>{0} holds tiles that are neither images (PNG, JPEG, WebP, AVIF) nor vector tiles.</source>
        <translation>{0} ішіндегі тайлдар сурет те (PNG, JPEG, WebP, AVIF), векторлық тайл да емес.</translation>
    </message>
    <message>
        <source>{0} holds no tiles.</source>
        <translation>{0} ішінде бірде-бір тайл жоқ.</translation>
    </message>
    <message>
        <source>{0} is damaged and cannot be read as a tile archive.</source>
        <translation>{0} зақымдалған, оны тайлдар мұрағаты ретінде оқу мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>BasemapController</name>
    <message>
        <source>Open basemap</source>
        <translation>Негізгі картаны ашу</translation>
    </message>
    <message>
        <source>Tile archives (*.mbtiles *.pmtiles);;All files (*)</source>
        <translation>Тайлдар мұрағаттары (*.mbtiles *.pmtiles);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Basemap not opened</source>
        <translation>Негізгі карта ашылмады</translation>
    </message>
    <message>
        <source>Remove basemap</source>
        <translation>Негізгі картаны алып тастау</translation>
    </message>
    <message>
        <source>Basemap opacity</source>
        <translation>Негізгі картаның мөлдірсіздігі</translation>
    </message>
    <message>
        <source>Show or hide basemap</source>
        <translation>Негізгі картаны көрсету не жасыру</translation>
    </message>
    <message>
        <source>Tiles of this basemap that are damaged or too large to draw are left blank ({0} so far).</source>
        <translation>Бұл негізгі картаның зақымдалған немесе салуға тым үлкен тайлдары бос қалды (әзірге {0}).</translation>
    </message>
</context>
<context>
    <name>BasemapRow</name>
    <message>
        <source>Your basemap: {0}</source>
        <translation>Сіздің негізгі картаңыз: {0}</translation>
    </message>
    <message>
        <source>Show or hide your basemap under the layers</source>
        <translation>Қабаттар астындағы негізгі картаңызды көрсету не жасыру</translation>
    </message>
    <message>
        <source>Opacity of your basemap</source>
        <translation>Негізгі картаңыздың мөлдірсіздігі</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Take your basemap off the map (the file stays)</source>
        <translation>Негізгі картаңызды картадан алып тастау (файл орнында қалады)</translation>
    </message>
    <message>
        <source>Vector tiles, {0} schema: drawn in the atlas&apos;s style</source>
        <translation>Векторлық тайлдар, {0} сызбасы: атлас стилімен салынған</translation>
    </message>
    <message>
        <source>Vector tiles, a schema the atlas does not know: every layer drawn in grey</source>
        <translation>Векторлық тайлдар, атласқа белгісіз сызба: әр қабат сұр түспен салынған</translation>
    </message>
</context>
<context>
    <name>CitationRow</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy this reference to the clipboard</source>
        <translation>Бұл библиографиялық сілтемені алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Веб-сілтемені ашу</translation>
    </message>
    <message>
        <source>Open {0} in the system web browser</source>
        <translation>{0} мекенжайын жүйелік веб-браузерде ашу</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Библиографиялық сілтеме</translation>
    </message>
</context>
<context>
    <name>CiteDialog</name>
    <message>
        <source>Cite sources</source>
        <translation>Дереккөздерге сілтеме жасау</translation>
    </message>
    <message>
        <source>For this feature: {0}</source>
        <translation>Осы нысан үшін: {0}</translation>
    </message>
    <message>
        <source>For the whole layer: {0}</source>
        <translation>Бүкіл қабат үшін: {0}</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Edit figure</source>
        <translation>Көрсеткішті өзгерту</translation>
    </message>
    <message>
        <source>Add figure</source>
        <translation>Көрсеткіш қосу</translation>
    </message>
    <message>
        <source>A figure about {0}, with its source</source>
        <translation>{0} туралы көрсеткіш, дереккөзімен</translation>
    </message>
    <message>
        <source>New indicator…</source>
        <translation>Жаңа индикатор…</translation>
    </message>
    <message>
        <source>The new indicator&apos;s name</source>
        <translation>Жаңа индикатордың атауы</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Ағылшынша</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Индикатор</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Өлш. бірл.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Where in the source</source>
        <translation>Дереккөздің қай жерінде</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Расталған</translation>
    </message>
    <message>
        <source>An estimate</source>
        <translation>Бағалау</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>Page, table or reference number</source>
        <translation>Бет, кесте немесе сілтеме нөмірі</translation>
    </message>
    <message>
        <source>A number (1234.5); a text value needs a note</source>
        <translation>Сан (1234.5); мәтін мәніне жазба керек</translation>
    </message>
    <message>
        <source>Yes: checked against the source</source>
        <translation>Иә: дереккөзбен салыстырылды</translation>
    </message>
    <message>
        <source>Only as the seed text says it</source>
        <translation>Тек бастапқы мақаладағыдай</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Қолданылмайды</translation>
    </message>
    <message>
        <source>This source is in the list already ({0}): it is ticked.</source>
        <translation>Бұл дереккөз тізімде бар ({0}): ол белгіленді.</translation>
    </message>
    <message>
        <source>Name the new indicator in at least one language.</source>
        <translation>Жаңа индикаторды кемінде бір тілде атаңыз.</translation>
    </message>
    <message>
        <source>Give the figure&apos;s value.</source>
        <translation>Көрсеткіштің мәнін беріңіз.</translation>
    </message>
    <message>
        <source>Give the date the figure is for (at least the year).</source>
        <translation>Көрсеткіш қай күнге қатысты екенін беріңіз (кемінде жылын).</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s source, or add a new one.</source>
        <translation>Көрсеткіштің дереккөзін таңдаңыз немесе жаңасын қосыңыз.</translation>
    </message>
    <message>
        <source>The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021).</source>
        <translation>Күні ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК болуы керек (не аралық, 2019/2021).</translation>
    </message>
    <message>
        <source>The value is not a number: say in the note what it means.</source>
        <translation>Мәні сан емес: оның нені білдіретінін жазбада айтыңыз.</translation>
    </message>
    <message>
        <source>This figure cannot be kept: {0}</source>
        <translation>Бұл көрсеткішті сақтау мүмкін емес: {0}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this too</source>
        <translation>Мұны басқа біреу де өзгертті</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>Әріптес</translation>
    </message>
    <message>
        <source>{0} deleted this {1} on {2}, after you read it. Keep mine puts it back with your values; Take theirs leaves it deleted.</source>
        <translation>{0} бұл жазбаны ({1}) {2} кезінде, сіз оқығаннан кейін жойды. «Менікін қалдыру» оны сіздің мәндеріңізбен қайтарады; «Олардікін алу» оны жойылған күйде қалдырады.</translation>
    </message>
    <message>
        <source>{0} changed this {1} on {2}, after you read it. Nothing has been overwritten: choose which version the workspace keeps.</source>
        <translation>{0} бұл жазбаны ({1}) {2} кезінде, сіз оны оқығаннан кейін өзгертті. Ештеңе қайта жазылған жоқ: жұмыс кеңістігінде қай нұсқа қалатынын таңдаңыз.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Mine ({0})</source>
        <translation>Менікі ({0})</translation>
    </message>
    <message>
        <source>me</source>
        <translation>мен</translation>
    </message>
    <message>
        <source>Theirs ({0}, {1})</source>
        <translation>Олардікі ({0}, {1})</translation>
    </message>
    <message>
        <source>Result (editable)</source>
        <translation>Нәтиже (өңдеуге болады)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ (marked). Double-click a value of mine or theirs to put it in the result.</source>
        <translation>
            <numerusform>%n өріс өзгеше (белгіленген). Мәнді нәтижеге қою үшін менікін не олардікін екі рет басыңыз.</numerusform>
            <numerusform>%n өріс өзгеше (белгіленген). Мәнді нәтижеге қою үшін менікін не олардікін екі рет басыңыз.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Менікін қалдыру</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>&amp;Олардікін алу</translation>
    </message>
    <message>
        <source>&amp;Merge (the result column)</source>
        <translation>&amp;Біріктіру (нәтиже бағаны)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>&amp;Кейін шешу</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>нысан</translation>
    </message>
    <message>
        <source>source</source>
        <translation>дереккөз</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>көрсеткіш</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>аннотация</translation>
    </message>
    <message>
        <source>lecture</source>
        <translation>дәріс</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team workspace</source>
        <translation>Топтық жұмыс кеңістігіне қосылу</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Дерекқор:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пайдаланушы:</translation>
    </message>
    <message>
        <source>S&amp;ervice (optional):</source>
        <translation>С&amp;ервис (міндетті емес):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Құпия&amp;сөз:</translation>
    </message>
    <message>
        <source>a name from pg_service.conf, instead of the fields above</source>
        <translation>жоғарыдағы өрістердің орнына pg_service.conf ішіндегі атау</translation>
    </message>
    <message>
        <source>empty: from .pgpass or the service file</source>
        <translation>бос болса: .pgpass немесе сервис файлынан</translation>
    </message>
    <message>
        <source>The password is kept only while the atlas runs: it is never written to a project or to the settings.</source>
        <translation>Құпиясөз тек атлас жұмыс істеп тұрғанда сақталады: ол ешқашан жобаға да, баптауларға да жазылмайды.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Қосылу</translation>
    </message>
    <message>
        <source>Fill in the server, the database and the user, or give a service name.</source>
        <translation>Серверді, дерекқорды және пайдаланушыны толтырыңыз немесе сервис атауын беріңіз.</translation>
    </message>
</context>
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
    <name>DigitiseController</name>
    <message>
        <source>&amp;Digitise features…</source>
        <translation>Нысандарды &amp;цифрландыру…</translation>
    </message>
    <message>
        <source>S&amp;top digitising</source>
        <translation>Цифрландыруды &amp;тоқтату</translation>
    </message>
    <message>
        <source>Drawn by hand on the atlas&apos;s map: as accurate as the zoom each feature was drawn at.</source>
        <translation>Атластың картасында қолмен салынған: әр нысанның дәлдігі ол салынған масштабқа сай.</translation>
    </message>
    <message>
        <source>Digitise features</source>
        <translation>Нысандарды цифрландыру</translation>
    </message>
    <message>
        <source>New layer “{0}”</source>
        <translation>Жаңа қабат «{0}»</translation>
    </message>
    <message>
        <source>This layer is shared in the team workspace: its features change there, with Team → Edit the selected workspace feature…, so that colleagues see the change and no edit is lost. Draw into a layer of your own instead.</source>
        <translation>Бұл қабат топтық жұмыс кеңістігінде ортақ: оның нысандары сонда, «Топтық жұмыс → Жұмыс кеңістігінің таңдалған нысанын өңдеу…» арқылы өзгертіледі, сонда әріптестер өзгерісті көреді және бірде-бір түзету жоғалмайды. Оның орнына өз қабатыңызға сызыңыз.</translation>
    </message>
    <message>
        <source>This layer mixes points, lines and areas: draw into a layer of one kind.</source>
        <translation>Бұл қабатта нүктелер, сызықтар және аумақтар аралас: бір түрлі қабатқа салыңыз.</translation>
    </message>
    <message>
        <source>Click on the map to place each point; Esc or Stop digitising ends.</source>
        <translation>Әр нүктені қою үшін картаны басыңыз; Esc немесе «Цифрландыруды тоқтату» аяқтайды.</translation>
    </message>
    <message>
        <source>Click the line&apos;s points; double-click or Enter ends it, Esc cancels it.</source>
        <translation>Сызықтың нүктелерін басыңыз; екі рет басу немесе Enter аяқтайды, Esc болдырмайды.</translation>
    </message>
    <message>
        <source>Click the corners; double-click or Enter closes the polygon, Esc cancels it.</source>
        <translation>Бұрыштарын басыңыз; екі рет басу немесе Enter көпбұрышты тұйықтайды, Esc болдырмайды.</translation>
    </message>
    <message>
        <source>The shape cannot be kept: {0}</source>
        <translation>Пішінді сақтау мүмкін емес: {0}</translation>
    </message>
    <message>
        <source>Move or reshape feature</source>
        <translation>Нысанды жылжыту немесе пішінін өзгерту</translation>
    </message>
    <message>
        <source>Add feature</source>
        <translation>Нысан қосу</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Өріс қосу</translation>
    </message>
    <message>
        <source>Name of the new field:</source>
        <translation>Жаңа өрістің атауы:</translation>
    </message>
    <message>
        <source>Edit feature</source>
        <translation>Нысанды өңдеу</translation>
    </message>
    <message>
        <source>Drag a point of the feature, or the feature itself; Enter keeps the new shape, Esc cancels.</source>
        <translation>Нысанның нүктесін немесе нысанның өзін сүйреңіз; Enter жаңа пішінді сақтайды, Esc болдырмайды.</translation>
    </message>
    <message>
        <source>Delete feature</source>
        <translation>Нысанды жою</translation>
    </message>
    <message>
        <source>Cite sources</source>
        <translation>Дереккөздерге сілтеме жасау</translation>
    </message>
</context>
<context>
    <name>EvidenceController</name>
    <message>
        <source>Import a &amp;bibliography…</source>
        <translation>&amp;Библиографияны импорттау…</translation>
    </message>
    <message>
        <source>Add a so&amp;urce…</source>
        <translation>Де&amp;реккөз қосу…</translation>
    </message>
    <message>
        <source>Export sources and &amp;figures</source>
        <translation>Дереккөздер мен &amp;көрсеткіштерді экспорттау</translation>
    </message>
    <message>
        <source>CSL-JSON (Zotero, Mendeley)…</source>
        <translation>CSL-JSON (Zotero, Mendeley)…</translation>
    </message>
    <message>
        <source>BibTeX…</source>
        <translation>BibTeX…</translation>
    </message>
    <message>
        <source>RIS (EndNote, Zotero)…</source>
        <translation>RIS (EndNote, Zotero)…</translation>
    </message>
    <message>
        <source>Figures with their sources (CSV)…</source>
        <translation>Көрсеткіштер дереккөздерімен (CSV)…</translation>
    </message>
    <message>
        <source>This map</source>
        <translation>Осы карта</translation>
    </message>
    <message>
        <source>The project</source>
        <translation>Жоба</translation>
    </message>
    <message>
        <source>Export sources and figures</source>
        <translation>Дереккөздер мен көрсеткіштерді экспорттау</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Өзгертілмеді</translation>
    </message>
    <message>
        <source>add figure</source>
        <translation>көрсеткіш қосу</translation>
    </message>
    <message>
        <source>edit figure</source>
        <translation>көрсеткішті өзгерту</translation>
    </message>
    <message>
        <source>delete figure</source>
        <translation>көрсеткішті жою</translation>
    </message>
    <message>
        <source>add source</source>
        <translation>дереккөз қосу</translation>
    </message>
    <message>
        <source>edit source</source>
        <translation>дереккөзді өзгерту</translation>
    </message>
    <message>
        <source>Source kept</source>
        <translation>Дереккөз қалдырылды</translation>
    </message>
    <message>
        <source>This source is cited by {0} of your figures and {1} layers or features; change or delete those citations first.</source>
        <translation>Бұл дереккөзге сіздің {0} көрсеткішіңіз және {1} қабат не нысан сілтеме жасайды; алдымен сол сілтемелерді өзгертіңіз немесе жойыңыз.</translation>
    </message>
    <message>
        <source>remove source</source>
        <translation>дереккөзді алып тастау</translation>
    </message>
    <message>
        <source>the same DOI</source>
        <translation>сол DOI</translation>
    </message>
    <message>
        <source>the same link</source>
        <translation>сол сілтеме</translation>
    </message>
    <message>
        <source>the same title</source>
        <translation>сол атау</translation>
    </message>
    <message>
        <source>the atlas&apos;s own source</source>
        <translation>атластың өз дереккөзі</translation>
    </message>
    <message>
        <source>a source you have</source>
        <translation>сіздегі дереккөз</translation>
    </message>
    <message>
        <source>“{0}” has {1} as {2}:
{3}

Merge them (one source), or keep both?</source>
        <translation>«{0}» — {2} сияқты, {1}:
{3}

Біріктіру керек пе (бір дереккөз), әлде екеуін де қалдыру керек пе?</translation>
    </message>
    <message>
        <source>Duplicate source</source>
        <translation>Қайталанған дереккөз</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Екеуін де қалдыру</translation>
    </message>
    <message>
        <source>Import a bibliography</source>
        <translation>Библиографияны импорттау</translation>
    </message>
    <message>
        <source>Bibliographies (*.bib *.ris *.json);;BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json)</source>
        <translation>Библиографиялар (*.bib *.ris *.json);;BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Импортталмады</translation>
    </message>
    <message>
        <source>import {0}</source>
        <translation>{0} импорттау</translation>
    </message>
    <message>
        <source>{0}: {1} sources added, {2} duplicates, {3} entries skipped</source>
        <translation>{0}: {1} дереккөз қосылды, {2} қайталану, {3} жазба өткізілді</translation>
    </message>
    <message>
        <source>Some entries were not imported</source>
        <translation>Кейбір жазбалар импортталмады</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} файлын жазу мүмкін болмады: {1}</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>{0} жазылды</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source> px</source>
        <translation> пикс.</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Картаны экспорттау</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Тақырып:</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>Тақырыпша:</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Бет:</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>Еркін өлшем:</translation>
    </message>
    <message>
        <source>Resolution (DPI):</source>
        <translation>Ажыратымдылық (DPI):</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Пішім:</translation>
    </message>
    <message>
        <source>Map title</source>
        <translation>Карта атауы</translation>
    </message>
    <message>
        <source>Subtitle (optional)</source>
        <translation>Тақырыпша (міндетті емес)</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4, жатық</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4, тік</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3, жатық</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3, тік</translation>
    </message>
    <message>
        <source>Slide 16:9</source>
        <translation>Слайд 16:9</translation>
    </message>
    <message>
        <source>Custom pixels</source>
        <translation>Еркін (пиксельмен)</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG суреті</translation>
    </message>
    <message>
        <source>PDF document (text stays text)</source>
        <translation>PDF құжаты (мәтін мәтін күйінде қалады)</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG векторлық суреті</translation>
    </message>
    <message>
        <source>Georeferenced PNG: the map alone, with world file (.pgw) and .prj</source>
        <translation>Геобайланысты PNG: тек карта, байланыс файлы (.pgw) және .prj бірге</translation>
    </message>
    <message>
        <source>GeoTIFF: the map alone, georeferenced</source>
        <translation>GeoTIFF: тек карта, геобайланысты</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Бетте көрсету</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Масштаб сызғышы</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>Солтүстік бағыт көрсеткісі</translation>
    </message>
    <message>
        <source>Locator inset</source>
        <translation>Шолу картасы</translation>
    </message>
    <message>
        <source>Attribution (map data credits)</source>
        <translation>Карта деректерінің авторлығы</translation>
    </message>
    <message>
        <source>Footer with the sources of the visible layers</source>
        <translation>Көрінетін қабаттардың дереккөздері (төменгі колонтитул)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Page: {0} × {1} px at {2} DPI</source>
        <translation>Бет: {0} × {1} пикс., {2} DPI</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG суреті (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF құжаты (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG векторлық суреті (*.svg)</translation>
    </message>
    <message>
        <source>GeoTIFF image (*.tif)</source>
        <translation>GeoTIFF суреті (*.tif)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Экспортталмады</translation>
    </message>
    <message>
        <source>Could not export the map: {0}</source>
        <translation>Картаны экспорттау мүмкін болмады: {0}</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} × {2} px)</source>
        <translation>Сақталды: {0} ({1} × {2} пикс.)</translation>
    </message>
</context>
<context>
    <name>FeatureEditDialog</name>
    <message>
        <source>Edit {0}</source>
        <translation>{0} өңдеу</translation>
    </message>
    <message>
        <source>Saved to the team workspace; if a colleague changed this feature meanwhile, you will see both versions and choose.</source>
        <translation>Топтық жұмыс кеңістігіне сақталады; егер осы уақытта әріптес бұл нысанды өзгертсе, екі нұсқаны да көріп, таңдайсыз.</translation>
    </message>
</context>
<context>
    <name>FeatureForm</name>
    <message>
        <source>Feature of “{0}”</source>
        <translation>«{0}» нысаны</translation>
    </message>
    <message>
        <source>Add field…</source>
        <translation>Өріс қосу…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>No source is ticked: tick the one that states this feature, or press OK again to keep it without a source for now.</source>
        <translation>Бірде-бір дереккөз белгіленбеген: осы нысанды растайтын дереккөзді белгілеңіз немесе оны әзірге дереккөзсіз сақтау үшін OK батырмасын қайта басыңыз.</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} жоқ.</translation>
    </message>
    <message>
        <source>{0} is not a regular file (a folder, a device or a pipe).</source>
        <translation>{0} кәдімгі файл емес (қалта, құрылғы немесе арна).</translation>
    </message>
    <message>
        <source>{0} is too large.</source>
        <translation>{0} тым үлкен.</translation>
    </message>
    <message>
        <source>{0} cannot be read.</source>
        <translation>{0} оқылмайды.</translation>
    </message>
    <message>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} UTF-8 мәтіні емес.</translation>
    </message>
    <message>
        <source>{0} is damaged (its syntax is not valid).</source>
        <translation>{0} бүлінген (синтаксисі дұрыс емес).</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be read safely.</source>
        <translation>{0} қауіпсіз оқу үшін тым терең кірістірілген.</translation>
    </message>
    <message>
        <source>{0} holds a number too long to be a real value.</source>
        <translation>{0} нақты мән болу үшін тым ұзын санды қамтиды.</translation>
    </message>
    <message>
        <source>{0} cannot be used.</source>
        <translation>{0} пайдаланылмайды.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Geodata (*.geojson *.json *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.fgb *.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Геодеректер (*.geojson *.json *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.fgb *.csv *.tsv *.txt *.xlsx);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Қабат қосу</translation>
    </message>
    <message>
        <source>The file cannot be imported: {0}</source>
        <translation>Файлды импорттау мүмкін емес: {0}</translation>
    </message>
    <message>
        <source>Added {0}: {1} features ({2}), from {3}; {4} repaired, {5} without geometry skipped</source>
        <translation>{0} қабаты қосылды: {1} нысан ({2}), {3} жүйесінен; түзетілгені — {4}, геометриясыз өткізілгені — {5}</translation>
    </message>
    <message>
        <source>Add layer: {0}</source>
        <translation>Қабат қосу: {0}</translation>
    </message>
    <message>
        <source>The file holds several layers. Which one?</source>
        <translation>Файлда бірнеше қабат бар. Қайсысы?</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>The shapefile does not say how its text is encoded. The first names read as:</source>
        <translation>Шейп-файлда мәтіннің кодтамасы көрсетілмеген. Алғашқы атаулар былай оқылады:</translation>
    </message>
    <message>
        <source>The file has no coordinate system and its coordinates are not degrees. Which system are they in?</source>
        <translation>Файлда координаттар жүйесі жоқ, ал координаттары градус емес. Олар қай жүйеде?</translation>
    </message>
    <message>
        <source>UTM zone (WGS 84)…</source>
        <translation>UTM аймағы (WGS 84)…</translation>
    </message>
    <message>
        <source>Pulkovo 1942 / Gauss-Krüger…</source>
        <translation>Пулково 1942 / Гаусс — Крюгер…</translation>
    </message>
    <message>
        <source>Another (EPSG code)…</source>
        <translation>Басқа (EPSG коды)…</translation>
    </message>
    <message>
        <source>{0} (suggested)</source>
        <translation>{0} (ұсынылады)</translation>
    </message>
    <message>
        <source>Which zone?</source>
        <translation>Қай аймақ?</translation>
    </message>
    <message>
        <source>EPSG code, e.g. EPSG:32642</source>
        <translation>EPSG коды, мысалы EPSG:32642</translation>
    </message>
    <message>
        <source>Longitude: {0}, latitude: {1}</source>
        <translation>Бойлық: {0}, ендік: {1}</translation>
    </message>
    <message>
        <source>Geometry as WKT in: {0}</source>
        <translation>WKT геометриясы мына бағанда: {0}</translation>
    </message>
    <message>
        <source>Other columns…</source>
        <translation>Басқа бағандар…</translation>
    </message>
    <message>
        <source>Which columns hold the places?</source>
        <translation>Орындар қай бағандарда?</translation>
    </message>
    <message>
        <source>Longitude and latitude columns separated by a comma, or one WKT column. Columns: {0}</source>
        <translation>Бойлық пен ендік бағандары үтір арқылы немесе бір WKT бағаны. Бағандар: {0}</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Click a feature on the map, a row of the attribute table, a bar of a chart or a search result to see it here.</source>
        <translation>Мұнда мәліметтерін көру үшін картадағы нысанды, атрибуттар кестесінің жолын, диаграмма бағанасын немесе іздеу нәтижесін басыңыз.</translation>
    </message>
    <message>
        <source>Figures (each with its source)</source>
        <translation>Көрсеткіштер (әрқайсысы өз дереккөзімен)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Көрсеткіш</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Мәні</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Өлш. бірл.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>Cite source…</source>
        <translation>Дереккөзге сілтеме…</translation>
    </message>
    <message>
        <source>Attach sources to this feature or to its whole layer</source>
        <translation>Осы нысанға немесе оның бүкіл қабатына дереккөздерді тіркеу</translation>
    </message>
    <message>
        <source>Citation style: APA 7 or GOST R 7.0.5-2008</source>
        <translation>Сілтемелерді рәсімдеу стилі: APA 7 немесе ГОСТ Р 7.0.5-2008</translation>
    </message>
    <message>
        <source>Add figure…</source>
        <translation>Көрсеткіш қосу…</translation>
    </message>
    <message>
        <source>Add a figure of your own about this, with its source</source>
        <translation>Бұл туралы өз көрсеткішіңізді дереккөзімен қосу</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өңдеу…</translation>
    </message>
    <message>
        <source>Change the selected figure (only your own)</source>
        <translation>Таңдалған көрсеткішті өзгерту (тек өзіңіздікін)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Delete the selected figure (only your own)</source>
        <translation>Таңдалған көрсеткішті жою (тек өзіңіздікін)</translation>
    </message>
    <message>
        <source>(estimate)</source>
        <translation>(бағалау)</translation>
    </message>
    <message>
        <source>(yours)</source>
        <translation>(сіздікі)</translation>
    </message>
    <message>
        <source>Where: {0}</source>
        <translation>Дереккөздегі орны: {0}</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>Сіз қостыңыз</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> / </translation>
    </message>
    <message>
        <source>⚠ Sources disagree on {0}: {1}</source>
        <translation>⚠ «{0}» көрсеткіші бойынша дереккөздер сәйкес келмейді: {1}</translation>
    </message>
    <message>
        <source>Cited in this project:</source>
        <translation>Осы жобада сілтеме жасалған:</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Tick a layer or group to show it; drag a layer to reorder it within its group; double-click a layer to zoom to it; the slider sets its opacity.</source>
        <translation>Қабатты немесе топты көрсету үшін белгілеңіз; қабаттың топ ішіндегі ретін өзгерту үшін оны сүйреңіз; қабатқа жақындау үшін оны екі рет басыңыз; жүгірткі қабаттың мөлдірсіздігін реттейді.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Қабаттар</translation>
    </message>
    <message>
        <source>Space shows or hides a layer; F2 types its opacity; Enter zooms to it</source>
        <translation>Бос орын пернесі қабатты көрсетеді не жасырады; F2 оның мөлдірсіздігін енгізуге мүмкіндік береді; енгізу пернесі қабатқа жақындатады</translation>
    </message>
    <message>
        <source>Style, labels and popup…</source>
        <translation>Стиль, жазулар және қалқымалы терезе…</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Қабатқа жақындату</translation>
    </message>
    <message>
        <source>Export layer…</source>
        <translation>Қабатты экспорттау…</translation>
    </message>
    <message>
        <source>Keep the data in the project</source>
        <translation>Деректерді жобада сақтау</translation>
    </message>
    <message>
        <source>Draw features into this layer</source>
        <translation>Осы қабатқа нысандар салу</translation>
    </message>
    <message>
        <source>Publish to the team workspace…</source>
        <translation>Топтық жұмыс кеңістігінде жариялау…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Қабатты жою</translation>
    </message>
    <message>
        <source>Cite sources for the layer…</source>
        <translation>Қабаттың дереккөздеріне сілтеме…</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотациялар</translation>
    </message>
    <message>
        <source>Your labels, arrows, areas and markers, drawn above every layer</source>
        <translation>Сіз қосқан жазбалар, көрсеткілер, көпбұрыштар мен белгілер; барлық қабаттардың үстінде көрсетіледі</translation>
    </message>
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
        <source>Opacity: {0} % (F2 to type a value)</source>
        <translation>Мөлдірсіздік: {0} % (мәнді енгізу үшін F2)</translation>
    </message>
    <message>
        <source>Opacity of {0}: {1} %</source>
        <translation>{0} мөлдірсіздігі: {1} %</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Unknown page size &apos;{0}&apos;; use one of: {1}</source>
        <translation>Бет өлшемі белгісіз: «{0}»; мыналардың бірін көрсетіңіз: {1}</translation>
    </message>
    <message>
        <source>DPI must be between {0} and {1}</source>
        <translation>DPI мәні {0}–{1} аралығында болуы керек</translation>
    </message>
    <message>
        <source>A custom page must be 200 to 12000 pixels wide and high</source>
        <translation>Еркін беттің ені мен биіктігі 200–12000 пиксель аралығында болуы керек</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Дерек жоқ</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Шартты белгілер</translation>
    </message>
    <message>
        <source>{0} km</source>
        <translation>{0} км</translation>
    </message>
    <message>
        <source>{0} m</source>
        <translation>{0} м</translation>
    </message>
    <message>
        <source>1:{0} at {1}° latitude</source>
        <translation>1:{0}, {1}° ендікте</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow letter</comment>
        <translation>С</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>Дереккөздер: {0}</translation>
    </message>
    <message>
        <source>Sources: listed on the next page</source>
        <translation>Дереккөздер: келесі бетте берілген</translation>
    </message>
    <message>
        <source>Map data: {0}</source>
        <translation>Карта деректері: {0}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
</context>
<context>
    <name>LiveLayers</name>
    <message>
        <source>{0} published a layer to the team workspace (Team → Open from workspace…).</source>
        <translation>{0} топтық жұмыс кеңістігінде қабат жариялады (Топтық жұмыс → Жұмыс кеңістігінен ашу…).</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>Әріптес</translation>
    </message>
    <message>
        <source>Could not read “{0}” from the workspace</source>
        <translation>«{0}» қабатын жұмыс кеңістігінен оқу мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>LoadNotes</name>
    <message>
        <source>line colour</source>
        <translation>сызық түсі</translation>
    </message>
    <message>
        <source>fill colour</source>
        <translation>бояу түсі</translation>
    </message>
    <message>
        <source>line width</source>
        <translation>сызық қалыңдығы</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>мөлдірсіздік</translation>
    </message>
    <message>
        <source>fill opacity</source>
        <translation>бояудың мөлдірсіздігі</translation>
    </message>
    <message>
        <source>dash pattern</source>
        <translation>үзік сызық үлгісі</translation>
    </message>
    <message>
        <source>It has no value.</source>
        <translation>Көрсеткіштің мәні жоқ.</translation>
    </message>
    <message>
        <source>It has no date.</source>
        <translation>Көрсеткіштің күні көрсетілмеген.</translation>
    </message>
    <message>
        <source>It names no source.</source>
        <translation>Көрсеткіштің дереккөзі көрсетілмеген.</translation>
    </message>
    <message>
        <source>It has no indicator.</source>
        <translation>Көрсеткіштің индикаторы көрсетілмеген.</translation>
    </message>
    <message>
        <source>It is about no feature or country.</source>
        <translation>Көрсеткіш ешбір нысанға не елге қатысты емес.</translation>
    </message>
    <message>
        <source>One of its fields is empty.</source>
        <translation>Өрістерінің бірі бос.</translation>
    </message>
    <message>
        <source>Its key does not start with u_, as the keys of a project&apos;s own sources do.</source>
        <translation>Оның кілті u_ деп басталмайды, ал жобаның өз дереккөздерінің кілттері солай басталуы керек.</translation>
    </message>
    <message>
        <source>Another source of the project has the same key.</source>
        <translation>Жобаның басқа дереккөзінің кілті дәл осындай.</translation>
    </message>
    <message>
        <source>Its identifier does not start with u_, as the identifiers of a project&apos;s own figures do.</source>
        <translation>Оның идентификаторы u_ деп басталмайды, ал жобаның өз көрсеткіштерінің идентификаторлары солай басталуы керек.</translation>
    </message>
    <message>
        <source>Another figure of the project has the same identifier.</source>
        <translation>Жобаның басқа көрсеткішінің идентификаторы дәл осындай.</translation>
    </message>
    <message>
        <source>Its value is not a number, and no note says what it means.</source>
        <translation>Оның мәні сан емес, ал оның нені білдіретінін түсіндіретін жазба жоқ.</translation>
    </message>
    <message>
        <source>Another indicator of the project has the same identifier.</source>
        <translation>Жобаның басқа индикаторының идентификаторы дәл осындай.</translation>
    </message>
    <message>
        <source>It has no name in any language.</source>
        <translation>Оның ешбір тілде атауы жоқ.</translation>
    </message>
    <message>
        <source>It breaks the atlas&apos;s rules for sources and figures.</source>
        <translation>Ол атластың дереккөздер мен көрсеткіштерге қоятын ережелерін бұзады.</translation>
    </message>
    <message>
        <source>The project&apos;s source “{0}” was left out. {1}</source>
        <translation>Жобаның «{0}» дереккөзі алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>Source {0} of the project was left out. {1}</source>
        <translation>Жобаның {0}-дереккөзі алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>A figure of the project for “{0}” was left out. {1}</source>
        <translation>Жобаның «{0}» индикаторы бойынша көрсеткіші алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>Figure {0} of the project was left out. {1}</source>
        <translation>Жобаның {0}-көрсеткіші алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>The project&apos;s indicator “{0}” was left out. {1}</source>
        <translation>Жобаның «{0}» индикаторы алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>Indicator {0} of the project was left out. {1}</source>
        <translation>Жобаның {0}-индикаторы алынып тасталды. {1}</translation>
    </message>
    <message>
        <source>Annotation {0} of slide {1} could not be read and was left out.</source>
        <translation>{1}-слайдтағы {0}-аннотацияны оқу мүмкін болмады, ол алынып тасталды.</translation>
    </message>
    <message>
        <source>Annotation {0} could not be read and was left out.</source>
        <translation>{0}-аннотацияны оқу мүмкін болмады, ол алынып тасталды.</translation>
    </message>
    <message>
        <source>Layer “{0}”: its style settings could not be read and were left out.</source>
        <translation>«{0}» қабаты: стиль баптауларын оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>Layer “{0}”: the setting “{1}” could not be read and was left out.</source>
        <translation>«{0}» қабаты: «{1}» баптауын оқу мүмкін болмады, ол алынып тасталды.</translation>
    </message>
    <message>
        <source>Layer “{0}”: the style setting “{1}” is not one the atlas knows and was left out.</source>
        <translation>«{0}» қабаты: «{1}» стиль баптауы атласқа белгісіз, ол алынып тасталды.</translation>
    </message>
    <message>
        <source>The picture of slide {0} could not be read and was left out; it is taken again when the slide is shown.</source>
        <translation>{0}-слайдтың шағын суретін оқу мүмкін болмады, ол алынып тасталды; слайд көрсетілгенде сурет қайта түсіріледі.</translation>
    </message>
    <message>
        <source>The picture of slide {0} is too large and was left out; it is taken again when the slide is shown.</source>
        <translation>{0}-слайдтың шағын суреті тым үлкен, ол алынып тасталды; слайд көрсетілгенде сурет қайта түсіріледі.</translation>
    </message>
    <message>
        <source>The project comes from an older version of the atlas and was converted to the current one.</source>
        <translation>Жоба атластың ескірек нұсқасында жасалған, ол ағымдағы нұсқаға түрлендірілді.</translation>
    </message>
    <message>
        <source>The project&apos;s language “{0}” is not Kazakh, Russian or English; it opens in English.</source>
        <translation>Жобаның «{0}» тілі қазақ, орыс не ағылшын тілі емес; жоба ағылшын тілінде ашылады.</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) that cannot be stored were replaced by the sign �.</source>
        <translation>
            <numerusform>Сақтауға болмайтын %n таңба � белгісімен ауыстырылды.</numerusform>
            <numerusform>Сақтауға болмайтын %n таңба � белгісімен ауыстырылды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) this atlas does not have were ignored: {0}.</source>
        <translation>
            <numerusform>Бұл атласта жоқ %n қабат ескерілмеді: {0}.</numerusform>
            <numerusform>Бұл атласта жоқ %n қабат ескерілмеді: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sources in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Жобадағы дереккөздер: {0}; тек алғашқы %n дереккөз оқылды.</numerusform>
            <numerusform>Жобадағы дереккөздер: {0}; тек алғашқы %n дереккөз оқылды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Figures in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Жобадағы көрсеткіштер: {0}; тек алғашқы %n көрсеткіш оқылды.</numerusform>
            <numerusform>Жобадағы көрсеткіштер: {0}; тек алғашқы %n көрсеткіш оқылды.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indicators in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Жобадағы индикаторлар: {0}; тек алғашқы %n индикатор оқылды.</numerusform>
            <numerusform>Жобадағы индикаторлар: {0}; тек алғашқы %n индикатор оқылды.</numerusform>
        </translation>
    </message>
    <message>
        <source>The project&apos;s sources could not be read and were left out.</source>
        <translation>Жобаның дереккөздерін оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The project&apos;s figures could not be read and were left out.</source>
        <translation>Жобаның көрсеткіштерін оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The project&apos;s indicators could not be read and were left out.</source>
        <translation>Жобаның индикаторларын оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The sources cited for a feature of the layer “{0}” could not be read and were left out.</source>
        <translation>«{0}» қабатының нысанына көрсетілген дереккөздерді оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The sources cited for the layer “{0}” could not be read and were left out.</source>
        <translation>«{0}» қабатына көрсетілген дереккөздерді оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The link to the project&apos;s lecture in a team workspace could not be read; the project opens without it.</source>
        <translation>Жобаның топтық жұмыс кеңістігіндегі дәрісіне сілтемені оқу мүмкін болмады; жоба онсыз ашылады.</translation>
    </message>
    <message>
        <source>The project&apos;s own basemap (a tile archive) could not be read and is not shown.</source>
        <translation>Жобаның өз негізгі картасын (тайлдар мұрағатын) оқу мүмкін болмады, ол көрсетілмейді.</translation>
    </message>
    <message>
        <source>The project&apos;s sources and figures could not be read and were left out.</source>
        <translation>Жобаның дереккөздері мен көрсеткіштерін оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The project&apos;s citations for layers and features could not be read and were left out.</source>
        <translation>Жобаның қабаттар мен нысандарға арналған дереккөз сілтемелерін оқу мүмкін болмады, олар алынып тасталды.</translation>
    </message>
    <message>
        <source>The project&apos;s sources and figures are in a form this atlas cannot read (version {0}) and were left out.</source>
        <translation>Жобаның дереккөздері мен көрсеткіштері бұл атлас оқи алмайтын пішімде (нұсқа {0}), олар алынып тасталды.</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>Ашылды: {0}</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…және тағы %n.</numerusform>
            <numerusform>…және тағы %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {0} with %n note(s): {1}</source>
        <translation>
            <numerusform>Ашылды: {0}; %n ескертпе: {1}</numerusform>
            <numerusform>Ашылды: {0}; %n ескертпе: {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Export web map…</source>
        <translation>Веб-картаны экспорттау…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Find a place…</source>
        <translation>Орын &amp;іздеу…</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Өңдеу</translation>
    </message>
    <message>
        <source>Export map…</source>
        <translation>Картаны экспорттау…</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Болдырмау: {0}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Қайталау: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
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
        <source>Project</source>
        <translation>Жоба</translation>
    </message>
    <message>
        <source>Selected: {0} — {1}</source>
        <translation>Таңдалды: {0} — {1}</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Ақпарат</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Слайдтар</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Атрибуттар кестесі</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Уақыт сүзгісі</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
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
        <source>Some layer definitions have problems; a layer with an error was skipped:</source>
        <translation>Кейбір қабат сипаттамаларында ақаулар бар; қатесі бар қабат өткізілді:</translation>
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
    <name>MapMenu</name>
    <message>
        <source>Copy coordinates ({0})</source>
        <translation>Координаттарды көшіру ({0})</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Анықтау</translation>
    </message>
    <message>
        <source>Add a figure about this…</source>
        <translation>Бұл туралы көрсеткіш қосу…</translation>
    </message>
    <message>
        <source>Zoom in here</source>
        <translation>Осы жерді жақындату</translation>
    </message>
    <message>
        <source>Add a text label here…</source>
        <translation>Осында мәтін белгісін қосу…</translation>
    </message>
    <message>
        <source>Add a marker here…</source>
        <translation>Осында маркер қосу…</translation>
    </message>
    <message>
        <source>Cite source…</source>
        <translation>Дереккөзге сілтеме…</translation>
    </message>
    <message>
        <source>Edit feature…</source>
        <translation>Нысанды өңдеу…</translation>
    </message>
    <message>
        <source>Move or reshape feature</source>
        <translation>Нысанды жылжыту немесе пішінін өзгерту</translation>
    </message>
    <message>
        <source>Delete feature</source>
        <translation>Нысанды жою</translation>
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
<context>
    <name>OpacityDelegate</name>
    <message>
        <source>Opacity (%)</source>
        <translation>Мөлдірсіздік (%)</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Open from the team workspace</source>
        <translation>Топтық жұмыс кеңістігінен ашу</translation>
    </message>
    <message numerus="yes">
        <source>Layers (%n)</source>
        <translation>
            <numerusform>Қабаттар (%n)</numerusform>
            <numerusform>Қабаттар (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lectures (%n)</source>
        <translation>
            <numerusform>Дәрістер (%n)</numerusform>
            <numerusform>Дәрістер (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Нысандар</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Слайдтар</translation>
    </message>
    <message>
        <source>Nobody has published anything to this workspace yet.</source>
        <translation>Бұл жұмыс кеңістігінде әлі ешкім ештеңе жарияламаған.</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Жаңа жоба</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Жобаны &amp;ашу…</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>Жобаны &amp;сақтау</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Жобаны &amp;басқаша сақтау…</translation>
    </message>
    <message>
        <source>&amp;Present from the first slide</source>
        <translation>&amp;Бірінші слайдтан бастап көрсету</translation>
    </message>
    <message>
        <source>Present from the &amp;selected slide</source>
        <translation>&amp;Таңдалған слайдтан бастап көрсету</translation>
    </message>
    <message>
        <source>&amp;Add slide from the current view</source>
        <translation>&amp;Ағымдағы көріністен слайд қосу</translation>
    </message>
    <message>
        <source>Export slides to P&amp;DF…</source>
        <translation>Слайдтарды PDF &amp;файлына экспорттау…</translation>
    </message>
    <message>
        <source>Export slides as P&amp;NG images…</source>
        <translation>Слайдтарды PNG &amp;суреттері ретінде экспорттау…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Соңғы &amp;файлдар</translation>
    </message>
    <message>
        <source>&amp;Lectures</source>
        <translation>&amp;Дәрістер</translation>
    </message>
    <message>
        <source>&amp;Slides</source>
        <translation>&amp;Слайдтар</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Атаусыз</translation>
    </message>
    <message>
        <source>{0}[*] — Central Asia Security Atlas</source>
        <translation>{0}[*] — Орталық Азия қауіпсіздігі атласы</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Автосақтау сәтсіз аяқталды: {0}</translation>
    </message>
    <message>
        <source>Recovery file damaged</source>
        <translation>Қалпына келтіру файлы бүлінген</translation>
    </message>
    <message>
        <source>Unsaved work from a session that did not close normally could not be read. The file was kept as {0}.

Details: {1}</source>
        <translation>Қалыпты жабылмаған сеанстың сақталмаған жұмысын оқу мүмкін болмады. Файл {0} ретінде сақталды.

Толығырақ: {1}</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>атаусыз жоба</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Сақталмаған жұмысты қалпына келтіру керек пе?</translation>
    </message>
    <message>
        <source>The atlas did not close normally. Unsaved work on {0} was kept at {1}.

Restore it? (No keeps it for the next start; Discard deletes it.)</source>
        <translation>Атлас қалыпты жабылмады. {0} бойынша сақталмаған жұмыс {1} кезінде сақталған.

Оны қалпына келтіру керек пе? («Жоқ» оны келесі іске қосуға дейін сақтайды; «Елемеу» оны жояды.)</translation>
    </message>
    <message numerus="yes">
        <source>%n more unsaved session(s) kept: offered at the next start.</source>
        <translation>
            <numerusform>Тағы %n сақталмаған сеанс сақталды: келесі іске қосқанда ұсынылады.</numerusform>
            <numerusform>Тағы %n сақталмаған сеанс сақталды: келесі іске қосқанда ұсынылады.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>{0} ішіндегі өзгерістерді сақтау керек пе?</translation>
    </message>
    <message>
        <source>the untitled project</source>
        <translation>атаусыз жоба</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Жобаны ашу</translation>
    </message>
    <message>
        <source>Atlas projects (*.atlas.json *.json);;All files (*)</source>
        <translation>Атлас жобалары (*.atlas.json *.json);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Жобаны ашу мүмкін болмады</translation>
    </message>
    <message>
        <source>{0} cannot be read.</source>
        <translation>{0} оқылмайды.</translation>
    </message>
    <message>
        <source>{0} is not an atlas project.</source>
        <translation>{0} атлас жобасы емес.</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete.</source>
        <translation>{0} файлы зақымдалған немесе толық емес.</translation>
    </message>
    <message>
        <source>{0} was saved by a newer version of the atlas; update the atlas to open it.</source>
        <translation>{0} атластың жаңарақ нұсқасында сақталған; оны ашу үшін атласты жаңартыңыз.</translation>
    </message>
    <message>
        <source>{0} is not a valid atlas project.</source>
        <translation>{0} жарамды атлас жобасы емес.</translation>
    </message>
    <message>
        <source>{0}

Details: {1}

Nothing was changed.</source>
        <translation>{0}

Толығырақ: {1}

Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Жобаны сақтау</translation>
    </message>
    <message>
        <source>Atlas projects (*.atlas.json)</source>
        <translation>Атлас жобалары (*.atlas.json)</translation>
    </message>
    <message>
        <source>Project changed on disk</source>
        <translation>Жоба дискіде өзгерді</translation>
    </message>
    <message>
        <source>{0} was changed by another window or program since you opened it. Saving now would replace those changes.</source>
        <translation>{0} файлын сіз ашқаннан кейін басқа терезе немесе бағдарлама өзгертті. Қазір сақтасаңыз, сол өзгерістер жойылады.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Үстінен жазу</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Басқа атпен сақтау…</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Дискіден қайта жүктеу</translation>
    </message>
    <message>
        <source>Project not saved</source>
        <translation>Жоба сақталмады</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сақталды: {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(жоқ)</translation>
    </message>
    <message>
        <source>(no lectures found)</source>
        <translation>(дәрістер табылмады)</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>this source</source>
        <translation>бұл дереккөз</translation>
    </message>
    <message>
        <source>this indicator</source>
        <translation>бұл индикатор</translation>
    </message>
    <message>
        <source>This entry is no longer in the project (it was changed or removed meanwhile).</source>
        <translation>Бұл жазба жобада енді жоқ (осы аралықта өзгертілген немесе жойылған).</translation>
    </message>
    <message>
        <source>Give the figure&apos;s value.</source>
        <translation>Көрсеткіштің мәнін беріңіз.</translation>
    </message>
    <message>
        <source>Give the date the figure is for (at least the year).</source>
        <translation>Көрсеткіш қай күнге қатысты екенін беріңіз (кемінде жылын).</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s source, or add a new one.</source>
        <translation>Көрсеткіштің дереккөзін таңдаңыз немесе жаңасын қосыңыз.</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s indicator.</source>
        <translation>Көрсеткіштің индикаторын таңдаңыз.</translation>
    </message>
    <message>
        <source>The figure is about no feature or country.</source>
        <translation>Көрсеткіш ешбір нысанға не елге қатысты емес.</translation>
    </message>
    <message>
        <source>A field of the figure is empty.</source>
        <translation>Көрсеткіштің бір өрісі бос.</translation>
    </message>
    <message>
        <source>This source is in the project already ({0}).</source>
        <translation>Бұл дереккөз жобада бар ({0}).</translation>
    </message>
    <message>
        <source>A figure for “{0}” with the same identifier is in the project already.</source>
        <translation>«{0}» бойынша дәл осындай сәйкестендіргіші бар көрсеткіш жобада бар.</translation>
    </message>
    <message>
        <source>{0} is cited by {1} of your figures and {2} layers or features; change or delete those citations first.</source>
        <translation>{0} дереккөзіне сіздің {1} көрсеткішіңіз және {2} қабат не нысан сілтеме жасайды; алдымен сол сілтемелерді өзгертіңіз немесе жойыңыз.</translation>
    </message>
    <message>
        <source>The indicator “{0}” is used by a figure: change or delete that figure first.</source>
        <translation>«{0}» индикаторын бір көрсеткіш пайдаланады: алдымен сол көрсеткішті өзгертіңіз немесе жойыңыз.</translation>
    </message>
    <message>
        <source>An indicator named “{0}” is in the project already.</source>
        <translation>«{0}» деп аталатын индикатор жобада бар.</translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation>Дереккөздің атауы болуы керек.</translation>
    </message>
    <message>
        <source>The names of the source&apos;s authors or editors cannot be read.</source>
        <translation>Дереккөз авторларының не редакторларының аттарын оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>A date of the source cannot be read as a year, a month and a day.</source>
        <translation>Дереккөздің бір күнін жыл, ай және күн ретінде оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>The entry has no key.</source>
        <translation>Жазбаның кілті жоқ.</translation>
    </message>
    <message>
        <source>The entry is not a record.</source>
        <translation>Жазба библиографиялық жазба емес.</translation>
    </message>
    <message>
        <source>The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021).</source>
        <translation>Күні ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК болуы керек (не аралық, 2019/2021).</translation>
    </message>
    <message>
        <source>The figure&apos;s confirmation must be: checked against the source, only as the seed text says it, or not applicable.</source>
        <translation>Көрсеткіштің расталуы мыналардың бірі болуы керек: дереккөзбен салыстырылған, тек бастапқы мәтінде айтылғандай немесе қолданылмайды.</translation>
    </message>
    <message>
        <source>Whether the figure is an estimate must be yes or no.</source>
        <translation>Көрсеткіштің бағалау екені «иә» не «жоқ» деп белгіленуі керек.</translation>
    </message>
    <message>
        <source>The value is not a number: say in the note what it means.</source>
        <translation>Мәні сан емес: оның нені білдіретінін жазбада айтыңыз.</translation>
    </message>
    <message>
        <source>The figure&apos;s source is not among the atlas&apos;s or the project&apos;s sources (was it removed?).</source>
        <translation>Көрсеткіштің дереккөзі атластың да, жобаның да дереккөздерінің арасында жоқ (ол жойылған ба?).</translation>
    </message>
    <message>
        <source>Name the new indicator in at least one language.</source>
        <translation>Жаңа индикаторды кемінде бір тілде атаңыз.</translation>
    </message>
    <message>
        <source>The link “{0}” is not a web address (one that starts with http:// or https://).</source>
        <translation>«{0}» сілтемесі веб-мекенжай емес (ол http:// немесе https:// деп басталады).</translation>
    </message>
    <message>
        <source>The DOI “{0}” is not a DOI (one looks like 10.1234/abcd).</source>
        <translation>«{0}» DOI емес (DOI 10.1234/abcd түрінде болады).</translation>
    </message>
    <message>
        <source>A text is longer than {0} characters.</source>
        <translation>Мәтіндердің бірі {0} таңбадан ұзын.</translation>
    </message>
    <message>
        <source>The value {0} is not a finite number.</source>
        <translation>{0} мәні шектеулі сан емес.</translation>
    </message>
    <message>
        <source>The indicator cannot be kept: its name or its unit cannot be read.</source>
        <translation>Индикаторды сақтау мүмкін емес: оның атауын не өлшем бірлігін оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>This change breaks the atlas&apos;s rules for sources and figures and was not made.</source>
        <translation>Бұл өзгеріс атластың дереккөздер мен көрсеткіштерге қоятын ережелерін бұзады, сондықтан енгізілмеді.</translation>
    </message>
    <message>
        <source>{0}: not a bibliography the atlas reads (CSL-JSON, BibTeX or RIS).</source>
        <translation>{0}: атлас оқитын библиография емес (CSL-JSON, BibTeX немесе RIS).</translation>
    </message>
    <message>
        <source>{0}: not UTF-8 text; export it from the reference manager as UTF-8.</source>
        <translation>{0}: UTF-8 мәтіні емес; оны библиография менеджерінен UTF-8 ретінде экспорттаңыз.</translation>
    </message>
    <message>
        <source>{0}: not valid CSL-JSON.</source>
        <translation>{0}: жарамды CSL-JSON емес.</translation>
    </message>
    <message>
        <source>{0}: CSL-JSON must be a list of items.</source>
        <translation>{0}: CSL-JSON жазбалар тізімі болуы керек.</translation>
    </message>
    <message>
        <source>{0}: cannot be read as BibTeX.</source>
        <translation>{0}: BibTeX ретінде оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>{0}: no RIS entries (each starts with “TY  - ”).</source>
        <translation>{0}: RIS жазбалары жоқ (әрқайсысы «TY  - » деп басталады).</translation>
    </message>
    <message>
        <source>{0}: the bibliography cannot be read.</source>
        <translation>{0}: библиографияны оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>{0}: {1} entries; only the first {2} are read.</source>
        <translation>{0}: {1} жазба; тек алғашқы {2} жазба оқылады.</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>кілтсіз</translation>
    </message>
    <message>
        <source>{0}: entry {1} ({2}) skipped: {3}</source>
        <translation>{0}: {1}-жазба ({2}) өткізіп жіберілді: {3}</translation>
    </message>
    <message>
        <source>{0}: entry {1} skipped: it is not a record.</source>
        <translation>{0}: {1}-жазба өткізіп жіберілді: ол библиографиялық жазба емес.</translation>
    </message>
    <message>
        <source>{0}: the entry at line {1} could not be read.</source>
        <translation>{0}: {1}-жолдағы жазбаны оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>{0}: entry {1} could not be read.</source>
        <translation>{0}: {1}-жазбаны оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>{0}: an entry could not be read.</source>
        <translation>{0}: бір жазбаны оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>This layer holds points: draw a point.</source>
        <translation>Бұл қабатта нүктелер бар: нүкте салыңыз.</translation>
    </message>
    <message>
        <source>This layer holds lines: draw a line.</source>
        <translation>Бұл қабатта сызықтар бар: сызық салыңыз.</translation>
    </message>
    <message>
        <source>This layer holds areas: draw an area.</source>
        <translation>Бұл қабатта аумақтар бар: аумақ салыңыз.</translation>
    </message>
    <message>
        <source>The shape drawn is not of this layer&apos;s kind.</source>
        <translation>Салынған пішін бұл қабаттың түріне сай емес.</translation>
    </message>
    <message>
        <source>The field name “{0}…” is longer than 64 characters.</source>
        <translation>«{0}…» өрісінің атауы 64 таңбадан ұзын.</translation>
    </message>
    <message>
        <source>({0}, {1}) is not a place on the Earth.</source>
        <translation>({0}, {1}) — Жердегі орын емес.</translation>
    </message>
    <message>
        <source>{0} of the ticked sources are not among the atlas&apos;s or the project&apos;s sources.</source>
        <translation>Белгіленген дереккөздердің {0} атластың да, жобаның да дереккөздерінің арасында жоқ.</translation>
    </message>
    <message>
        <source>Give the new layer a title.</source>
        <translation>Жаңа қабатқа атау беріңіз.</translation>
    </message>
    <message>
        <source>A layer holds points, lines or areas.</source>
        <translation>Қабатта нүктелер, сызықтар немесе аумақтар болады.</translation>
    </message>
    <message>
        <source>“id” is the atlas&apos;s own field: choose another name.</source>
        <translation>«id» — атластың өз өрісі: басқа атау таңдаңыз.</translation>
    </message>
    <message>
        <source>A point of the shape is not a longitude and a latitude.</source>
        <translation>Пішіннің бір нүктесі бойлық пен ендік емес.</translation>
    </message>
    <message>
        <source>A line needs at least two different points.</source>
        <translation>Сызыққа кемінде екі түрлі нүкте керек.</translation>
    </message>
    <message>
        <source>An area needs at least three different corners.</source>
        <translation>Аумаққа кемінде үш түрлі бұрыш керек.</translation>
    </message>
    <message>
        <source>The shape drawn cannot be read.</source>
        <translation>Салынған пішінді оқу мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search places, enclaves, missions, incidents…</source>
        <translation>Елді мекендерді, анклавтарды, миссияларды, оқиғаларды іздеу…</translation>
    </message>
    <message>
        <source>Names in English, Russian or Kazakh; Cyrillic or Latin (Osh, Ош)</source>
        <translation>Атаулар ағылшын, орыс немесе қазақ тілінде; кирилл немесе латын әліпбиімен (Osh, Ош)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>Type a name, then choose a result with the arrow keys and Enter</source>
        <translation>Атауды теріңіз, содан кейін нәтижені бағыт пернелерімен және енгізу пернесімен таңдаңыз</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Іздеу нәтижелері</translation>
    </message>
    <message>
        <source>Still reading layers ({0} of {1})…</source>
        <translation>Қабаттар әлі оқылуда ({1} ішінен {0})…</translation>
    </message>
</context>
<context>
    <name>SlideController</name>
    <message>
        <source>Show the slide&apos;s annotations</source>
        <translation>Слайд аннотацияларын көрсету</translation>
    </message>
    <message>
        <source>No slides to export.</source>
        <translation>Экспорттайтын слайд жоқ.</translation>
    </message>
    <message>
        <source>Slides not exported</source>
        <translation>Слайдтар экспортталмады</translation>
    </message>
    <message>
        <source>Export slides to PDF</source>
        <translation>Слайдтарды PDF файлына экспорттау</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF құжаты (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote {0} pages to {1}</source>
        <translation>{0} бет сақталды: {1}</translation>
    </message>
    <message>
        <source>Export slides as PNG images</source>
        <translation>Слайдтарды PNG суреттері ретінде экспорттау</translation>
    </message>
    <message>
        <source>Wrote {0} images to {1}</source>
        <translation>{0} сурет сақталды: {1}</translation>
    </message>
    <message>
        <source>No slides to present: add one from the current view first.</source>
        <translation>Көрсететін слайд жоқ: алдымен ағымдағы көріністен слайд қосыңыз.</translation>
    </message>
</context>
<context>
    <name>SlideDialog</name>
    <message>
        <source>Slide {0}</source>
        <translation>Слайд {0}</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Слайд жазуы</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Баяндамашы ескертпелері</translation>
    </message>
</context>
<context>
    <name>SlideExport</name>
    <message>
        <source>Slide {0} of {1}</source>
        <translation>Слайд {0} / {1}</translation>
    </message>
</context>
<context>
    <name>SlidesPanel</name>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Add a slide from the current view</source>
        <translation>Ағымдағы көріністен слайд қосу</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Replace the selected slide&apos;s view with the current one</source>
        <translation>Таңдалған слайдтың көрінісін ағымдағы көрініспен ауыстыру</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өңдеу…</translation>
    </message>
    <message>
        <source>Edit the caption and speaker notes</source>
        <translation>Тақырып пен баяндамашы ескертпелерін өңдеу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Delete the selected slide</source>
        <translation>Таңдалған слайдты жою</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Start the presentation at the selected slide (Shift+F5)</source>
        <translation>Көрсетуді таңдалған слайдтан бастау (Shift+F5)</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(тақырыпсыз)</translation>
    </message>
    <message>
        <source>Delete slide</source>
        <translation>Слайдты жою</translation>
    </message>
    <message>
        <source>Delete slide {0}?</source>
        <translation>«{0}» слайдын жою керек пе?</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>Журнал мақаласы</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>Жаңалық мақаласы</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Кітап</translation>
    </message>
    <message>
        <source>Book chapter</source>
        <translation>Кітап тарауы</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Баяндама</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Веб-бет</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Деректер жиыны</translation>
    </message>
    <message>
        <source>Law or decree</source>
        <translation>Заң немесе жарлық</translation>
    </message>
    <message>
        <source>Treaty</source>
        <translation>Шарт</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>Диссертация</translation>
    </message>
    <message>
        <source>Conference paper</source>
        <translation>Конференция баяндамасы</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Басқа құжат</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторлар</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Journal, site or book</source>
        <translation>Журнал, сайт немесе кітап</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Link (URL)</source>
        <translation>Сілтеме (URL)</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тілі</translation>
    </message>
    <message>
        <source>Translated title</source>
        <translation>Аударылған атауы</translation>
    </message>
    <message>
        <source>One a line: Family, Given — or an organisation as written</source>
        <translation>Әр жолға біреу: Тегі, Аты — немесе ұйым жазылғандай</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК</translation>
    </message>
    <message>
        <source>The title in English, if the source gives one</source>
        <translation>Дереккөз берсе, ағылшынша атауы</translation>
    </message>
    <message>
        <source>Give the source&apos;s title.</source>
        <translation>Дереккөздің атауын беріңіз.</translation>
    </message>
    <message>
        <source>The date must be a year (2024), a month (2024-06) or a day (2024-06-30).</source>
        <translation>Күні жыл (2024), ай (2024-06) немесе күн (2024-06-30) болуы керек.</translation>
    </message>
    <message>
        <source>The link must be a web address that starts with http:// or https://.</source>
        <translation>Сілтеме http:// немесе https:// деп басталатын веб-мекенжай болуы керек.</translation>
    </message>
    <message>
        <source>The DOI must look like 10.1234/abcd (with or without https://doi.org/).</source>
        <translation>DOI 10.1234/abcd сияқты болуы керек (https://doi.org/ бар не жоқ).</translation>
    </message>
    <message>
        <source>This source cannot be kept: {0}</source>
        <translation>Бұл дереккөзді сақтау мүмкін емес: {0}</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>The source that states it:</source>
        <translation>Мұны растайтын дереккөз:</translation>
    </message>
    <message>
        <source>Sources (tick each one that states it):</source>
        <translation>Дереккөздер (мұны растайтын әрқайсысын белгілеңіз):</translation>
    </message>
    <message>
        <source>Filter the sources…</source>
        <translation>Дереккөздерді сүзу…</translation>
    </message>
    <message>
        <source>Filter the sources</source>
        <translation>Дереккөздерді сүзу</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>New source…</source>
        <translation>Жаңа дереккөз…</translation>
    </message>
    <message>
        <source>(yours)</source>
        <translation>(сіздікі)</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy the selected references (all, if none is selected)</source>
        <translation>Таңдалған сілтемелерді көшіру (ештеңе таңдалмаса – барлығын)</translation>
    </message>
    <message>
        <source>BibTeX…</source>
        <translation>BibTeX…</translation>
    </message>
    <message>
        <source>Export these sources as BibTeX (.bib)</source>
        <translation>Бұл дереккөздерді BibTeX (.bib) пішімінде экспорттау</translation>
    </message>
    <message>
        <source>RIS…</source>
        <translation>RIS…</translation>
    </message>
    <message>
        <source>Export these sources as RIS (.ris) for Zotero or EndNote</source>
        <translation>Бұл дереккөздерді Zotero немесе EndNote үшін RIS (.ris) пішімінде экспорттау</translation>
    </message>
    <message>
        <source>Double-click a source with a link to open it in the web browser</source>
        <translation>Сілтемесі бар дереккөзді веб-браузерде ашу үшін оны екі рет басыңыз</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Import a bibliography: CSL-JSON, BibTeX or RIS</source>
        <translation>Библиографияны импорттау: CSL-JSON, BibTeX немесе RIS</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Қосу…</translation>
    </message>
    <message>
        <source>Add a source by hand</source>
        <translation>Дереккөзді қолмен қосу</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Өңдеу…</translation>
    </message>
    <message>
        <source>Change the selected source (only your own)</source>
        <translation>Таңдалған дереккөзді өзгерту (тек өзіңіздікін)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Remove the selected source (only your own)</source>
        <translation>Таңдалған дереккөзді алып тастау (тек өзіңіздікін)</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Тағы…</translation>
    </message>
    <message>
        <source>Export the sources of this map or of the project, or the figures with their sources</source>
        <translation>Осы картаның не жобаның дереккөздерін немесе көрсеткіштерді дереккөздерімен экспорттау</translation>
    </message>
    <message>
        <source>Your own source</source>
        <translation>Өз дереккөзіңіз</translation>
    </message>
    <message>
        <source>Cited in this project</source>
        <translation>Осы жобада сілтеме жасалған</translation>
    </message>
    <message>
        <source>{0} sources of the {1} visible layers ({2})</source>
        <translation>Көрінетін {1} қабаттың дереккөздері: {0} ({2})</translation>
    </message>
    <message>
        <source>and {0} of your own</source>
        <translation>және өзіңіздің {0}</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation>RIS (*.ris)</translation>
    </message>
    <message>
        <source>Export sources</source>
        <translation>Дереккөздерді экспорттау</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>{0} файлын жазу мүмкін болмады: {1}</translation>
    </message>
</context>
<context>
    <name>SpeakerNotes</name>
    <message>
        <source>Speaker notes</source>
        <translation>Баяндамашы ескертпелері</translation>
    </message>
    <message>
        <source>Slide {0} of {1}</source>
        <translation>Слайд {0} / {1}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Келесі: {0}</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Defence spending 2023 (USD million)</source>
        <translation>Қорғаныс шығындары, 2023 (млн АҚШ доллары)</translation>
    </message>
    <message>
        <source>Defence spending 2023 (% of GDP)</source>
        <translation>Қорғаныс шығындары, 2023 (ЖІӨ-нің %-ы)</translation>
    </message>
    <message>
        <source>UN peacekeepers (troops and police) by contributor</source>
        <translation>БҰҰ бітімгерлері (әскерилер мен полицейлер) үлес қосушы елдер бойынша</translation>
    </message>
    <message>
        <source>Drugs seized in 2021 (tonnes)</source>
        <translation>2021 жылы тәркіленген есірткі (тонна)</translation>
    </message>
    <message>
        <source>People killed in conflict incidents, by year</source>
        <translation>Қақтығыс оқиғаларында қаза тапқандар, жылдар бойынша</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Дереккөздер бойынша</translation>
    </message>
    <message>
        <source>ASEAN states</source>
        <translation>АСЕАН елдері</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Қытай</translation>
    </message>
    <message>
        <source>Kyrgyz side</source>
        <translation>Қырғыз тарапы</translation>
    </message>
    <message>
        <source>Tajik side</source>
        <translation>Тәжік тарапы</translation>
    </message>
    <message>
        <source>Total (one source)</source>
        <translation>Барлығы (бір дереккөз)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart and its sources as a PNG image</source>
        <translation>Диаграмманы дереккөздерімен бірге PNG суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the chart and its sources as an SVG drawing</source>
        <translation>Диаграмманы дереккөздерімен бірге SVG векторлық суреті ретінде сақтау</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Диаграмма</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Дереккөздер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <source>This chart cannot be drawn: {0}</source>
        <translation>Бұл диаграмманы салу мүмкін емес: {0}</translation>
    </message>
    <message>
        <source>{0}: no USD figure; {1} of GDP ({2})</source>
        <translation>{0}: АҚШ долларындағы дерек жоқ; ЖІӨ-нің {1} ({2})</translation>
    </message>
    <message>
        <source>{0}: no share of GDP; {1} ({2})</source>
        <translation>{0}: ЖІӨ-дегі үлесі жоқ; {1} ({2})</translation>
    </message>
    <message>
        <source>(est.)</source>
        <translation>(бағалау)</translation>
    </message>
    <message>
        <source>{0}: the sources&apos; latest figure is for {1}, not {2}.</source>
        <translation>{0}: дереккөздердегі ең соңғы дерек {2} жылға емес, {1} жылға арналған.</translation>
    </message>
    <message>
        <source>{0}: no figure in US dollars in the sources; its share of GDP: {1}.</source>
        <translation>{0}: дереккөздерде АҚШ долларындағы дерек жоқ; оның ЖІӨ-дегі үлесі: {1}.</translation>
    </message>
    <message>
        <source>{0}: no share of GDP in the sources; in US dollars: {1}.</source>
        <translation>{0}: дереккөздерде ЖІӨ-дегі үлесі жоқ; АҚШ долларымен: {1}.</translation>
    </message>
    <message>
        <source>Kazakhstan: no UN personnel count in the sources; a UN mandate allows it {0}.</source>
        <translation>Қазақстан: дереккөздерде оның БҰҰ миссияларындағы жеке құрам саны жоқ; БҰҰ мандаты бойынша ең көбі: {0}.</translation>
    </message>
    <message>
        <source>{0}: no figure</source>
        <translation>{0}: дерек жоқ</translation>
    </message>
    <message>
        <source>Top five contributors (November 2023)</source>
        <translation>Ең ірі бес үлес қосушы ел (2023 жылғы қараша)</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>Дереккөздер: {0}</translation>
    </message>
    <message>
        <source>Estimates (pale bars, “est.”): {0}.</source>
        <translation>Бағалау (бозғылт бағаналар, «бағалау»): {0}.</translation>
    </message>
    <message>
        <source>≠ Sources disagree on {0}: {1}.</source>
        <translation>≠ {0}: дереккөздердегі сандар сәйкес келмейді – {1}.</translation>
    </message>
    <message>
        <source>No figure in the sources for: {0}.</source>
        <translation>Дереккөздерде дерек жоқ: {0}.</translation>
    </message>
    <message>
        <source>Kazakhstan has no 2023 figure of its own in the sources; Kazakhstan, Kyrgyzstan and Tajikistan together: {0}.</source>
        <translation>Дереккөздерде Қазақстанның 2023 жылғы жеке көрсеткіші жоқ; Қазақстан, Қырғызстан және Тәжікстан бірге: {0}.</translation>
    </message>
    <message>
        <source>{0}: the sides (one source) and the total (another source) are separate figures, not a sum.</source>
        <translation>{0}: тараптар бойынша сандар (бір дереккөз) мен жалпы сан (басқа дереккөз) – жеке көрсеткіштер, олардың қосындысы емес.</translation>
    </message>
    <message>
        <source>Incidents with no casualty figure in the sources: {0}.</source>
        <translation>Дереккөздерде қаза тапқандар саны көрсетілмеген оқиғалар: {0}.</translation>
    </message>
    <message>
        <source>2010: bodies counted by the national commission: {0}.</source>
        <translation>2010: ұлттық комиссия есептеген мәйіттер саны: {0}.</translation>
    </message>
    <message>
        <source>As the sources put it: {0}.</source>
        <translation>Дереккөздердегі тұжырым бойынша: {0}.</translation>
    </message>
    <message>
        <source>&gt; more than, ≈ about, as the sources put it.</source>
        <translation>&gt; – астам, ≈ – шамамен (дереккөздердегі тұжырым бойынша).</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG суреті (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG векторлық суреті (*.svg)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Диаграмманы сақтау</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Сақталмады</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>{0} файлын жазу мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <source>Single symbol</source>
        <translation>Бір таңба</translation>
    </message>
    <message>
        <source>Categories by a field</source>
        <translation>Өріс бойынша санаттар</translation>
    </message>
    <message>
        <source>Graduated classes</source>
        <translation>Градацияланған кластар</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>Квантильдер</translation>
    </message>
    <message>
        <source>Equal intervals</source>
        <translation>Тең аралықтар</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Colour (#rrggbb)</source>
        <translation>Түсі (#rrggbb)</translation>
    </message>
    <message>
        <source>Outline (#rrggbb)</source>
        <translation>Контуры (#rrggbb)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Кластар</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Шекаралар</translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation>Түс шкаласы</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>Жазу өрісі</translation>
    </message>
    <message>
        <source>Name field (search, Info)</source>
        <translation>Атау өрісі (іздеу, мәлімет)</translation>
    </message>
    <message>
        <source>Date field (time filter)</source>
        <translation>Күн өрісі (уақыт сүзгісі)</translation>
    </message>
    <message>
        <source>Popup fields</source>
        <translation>Қалқымалы терезе өрістері</translation>
    </message>
    <message>
        <source>Style of {0}</source>
        <translation>{0} қабатының стилі</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(жоқ)</translation>
    </message>
    <message>
        <source>{0} is not a colour written #rrggbb</source>
        <translation>{0} — #rrggbb түріндегі түс емес</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Digitise features</source>
        <translation>Нысандарды цифрландыру</translation>
    </message>
    <message>
        <source>Draw into a &amp;new layer</source>
        <translation>&amp;Жаңа қабатқа салу</translation>
    </message>
    <message>
        <source>Draw into an &amp;existing layer of mine</source>
        <translation>Менің &amp;бар қабатыма салу</translation>
    </message>
    <message>
        <source>Layer title:</source>
        <translation>Қабат атауы:</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>Құрамы:</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>Өрістер:</translation>
    </message>
    <message>
        <source>The attribute fields, separated by commas</source>
        <translation>Атрибут өрістері, үтірмен бөлінген</translation>
    </message>
    <message>
        <source>Each feature has a date (the time filter reads it)</source>
        <translation>Әр нысанның күні бар (оны уақыт сүзгісі оқиды)</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Қабат:</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Нүктелер</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Сызықтар</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>Көпбұрыштар</translation>
    </message>
    <message>
        <source>Give the new layer a title.</source>
        <translation>Жаңа қабатқа тақырып беріңіз.</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <source>No team server answers at {0}. Check the server name and port, and that the server is running and accepts connections from this computer.
({1})</source>
        <translation>{0} мекенжайында топтық сервер жауап бермейді. Сервер атауы мен портын, сервердің жұмыс істеп тұрғанын және осы компьютерден қосылуға рұқсат беретінін тексеріңіз.
({1})</translation>
    </message>
    <message>
        <source>The server refused the user name or the password for {0}. Type the password again, or check the user name.
({1})</source>
        <translation>Сервер {0} үшін пайдаланушы атын немесе құпиясөзді қабылдамады. Құпиясөзді қайта теріңіз немесе пайдаланушы атын тексеріңіз.
({1})</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>Қосылу мүмкін болмады: {0}</translation>
    </message>
    <message>
        <source>This workspace was set up by a newer atlas (schema {0}; this atlas knows {1}): update the atlas to use it.</source>
        <translation>Бұл жұмыс кеңістігін атластың жаңарақ нұсқасы орнатқан (схема {0}; бұл атлас {1} нұсқасын біледі): оны пайдалану үшін атласты жаңартыңыз.</translation>
    </message>
    <message>
        <source>This database has no team workspace yet, or an older one than this atlas needs. An administrator sets it up with the command: gis-app team migrate</source>
        <translation>Бұл дерекқорда топтық жұмыс кеңістігі әлі жоқ немесе ол атлас талап ететіннен ескі. Оны әкімші мына командамен орнатады: gis-app team migrate</translation>
    </message>
    <message>
        <source>Set up the team workspace</source>
        <translation>Топтық жұмыс кеңістігін орнату</translation>
    </message>
    <message>
        <source>The database {0} has no team workspace of this atlas version yet. Create or upgrade its tables now? Colleagues connected with an older atlas may need to update.</source>
        <translation>{0} дерекқорында атластың осы нұсқасына арналған топтық жұмыс кеңістігі әлі жоқ. Оның кестелерін қазір жасау немесе жаңарту керек пе? Ескі атласпен қосылған әріптестерге жаңарту қажет болуы мүмкін.</translation>
    </message>
    <message>
        <source>The workspace was not set up; nothing was changed.</source>
        <translation>Жұмыс кеңістігі орнатылмады; ештеңе өзгертілген жоқ.</translation>
    </message>
    <message>
        <source>The workspace could not be set up (only its administrator may): {0}</source>
        <translation>Жұмыс кеңістігін орнату мүмкін болмады (мұны тек оның әкімшісі істей алады): {0}</translation>
    </message>
    <message>
        <source>The server refused the user name or the password.</source>
        <translation>Сервер пайдаланушы атын немесе құпиясөзді қабылдамады.</translation>
    </message>
    <message>
        <source>This database has no team workspace of this atlas version.</source>
        <translation>Бұл дерекқорда атластың осы нұсқасына арналған топтық жұмыс кеңістігі жоқ.</translation>
    </message>
    <message>
        <source>A colleague changed this in the team workspace meanwhile; nothing was overwritten.</source>
        <translation>Осы аралықта әріптес мұны топтық жұмыс кеңістігінде өзгертті; ештеңе қайта жазылмады.</translation>
    </message>
    <message>
        <source>The team workspace refused this.</source>
        <translation>Топтық жұмыс кеңістігі мұны қабылдамады.</translation>
    </message>
    <message>
        <source>Your role in this workspace is read-only (student): you can open what colleagues publish, but not publish or change anything.</source>
        <translation>Бұл жұмыс кеңістігіндегі рөліңіз тек оқуға арналған (студент): әріптестер жариялағанды аша аласыз, бірақ ештеңе жариялай да, өзгерте де алмайсыз.</translation>
    </message>
    <message>
        <source>You are connected as {0}, a student.</source>
        <translation>Сіз {0} ретінде, студент болып қосылдыңыз.</translation>
    </message>
    <message>
        <source>Sending the queued edits</source>
        <translation>Кезектегі өзгерістерді жіберу</translation>
    </message>
    <message numerus="yes">
        <source>Back online: %n queued edit(s) sent.</source>
        <translation>
            <numerusform>Байланыс қалпына келді: кезектегі %n өзгеріс жіберілді.</numerusform>
            <numerusform>Байланыс қалпына келді: кезектегі %n өзгеріс жіберілді.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve a conflict</source>
        <translation>Қайшылықты шешу</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached now; the conflict waits until it is back.</source>
        <translation>Топтық жұмыс кеңістігі қазір қолжетімсіз; қайшылық ол қайта қосылғанша күтеді.</translation>
    </message>
    <message>
        <source>Your version was kept.</source>
        <translation>Сіздің нұсқаңыз қалдырылды.</translation>
    </message>
    <message>
        <source>Their version was taken.</source>
        <translation>Олардың нұсқасы алынды.</translation>
    </message>
    <message>
        <source>The merged version was saved.</source>
        <translation>Біріктірілген нұсқа сақталды.</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n edit(s) queued</source>
        <translation>
            <numerusform>Желіден тыс — кезекте %n өзгеріс</numerusform>
            <numerusform>Желіден тыс — кезекте %n өзгеріс</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: {0} — read-only</source>
        <translation>Топ: {0} — тек оқу</translation>
    </message>
    <message>
        <source>Team: {0}</source>
        <translation>Топ: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>Шешілмеген %n қайшылық</numerusform>
            <numerusform>Шешілмеген %n қайшылық</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamLecture</name>
    <message>
        <source>Publish the lecture</source>
        <translation>Дәрісті жариялау</translation>
    </message>
    <message>
        <source>Lecture “{0}” published.</source>
        <translation>«{0}» дәрісі жарияланды.</translation>
    </message>
    <message>
        <source>The workspace cannot be reached: the lecture&apos;s update is queued and sent when it is back.</source>
        <translation>Жұмыс кеңістігі қолжетімсіз: дәрістің жаңартылуы кезекке қойылды, байланыс қалпына келгенде жіберіледі.</translation>
    </message>
    <message>
        <source>Lecture “{0}” updated in the workspace (version {1}): it was already there, so no copy was made.</source>
        <translation>«{0}» дәрісі жұмыс кеңістігінде жаңартылды (нұсқа {1}): ол онда бұрыннан бар, сондықтан көшірме жасалмады.</translation>
    </message>
    <message>
        <source>Open from the team workspace</source>
        <translation>Топтық жұмыс кеңістігінен ашу</translation>
    </message>
    <message>
        <source>Change an annotation of the lecture</source>
        <translation>Дәріс аннотациясын өзгерту</translation>
    </message>
    <message>
        <source>{0} added an annotation at the same moment under the same name: both are kept, yours as “{1}”.</source>
        <translation>{0} дәл сол сәтте осы атаумен аннотация қосты: екеуі де сақталды, сіздікі «{1}» деген атаумен.</translation>
    </message>
    <message>
        <source>This lecture is in another team workspace than the one connected: the change stays in this project only.</source>
        <translation>Бұл дәріс қосылғаннан басқа топтық жұмыс кеңістігінде: өзгеріс тек осы жобада қалады.</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached and this atlas cannot keep edits for later: the change is in this project only.</source>
        <translation>Топтық жұмыс кеңістігі қолжетімсіз, ал бұл атлас өзгерістерді кейінге сақтай алмайды: өзгеріс тек осы жобада.</translation>
    </message>
    <message>
        <source>{0} published a new version of this lecture; publishing yours again shows both to choose.</source>
        <translation>{0} осы дәрістің жаңа нұсқасын жариялады; өзіңіздікін қайта жарияласаңыз, таңдау үшін екеуі де көрсетіледі.</translation>
    </message>
    <message>
        <source>Could not read the lecture from the workspace</source>
        <translation>Дәрісті жұмыс кеңістігінен оқу мүмкін болмады</translation>
    </message>
</context>
<context>
    <name>TeamPublisher</name>
    <message>
        <source>Connect to the team workspace first (Team → Connect to team workspace…).</source>
        <translation>Алдымен топтық жұмыс кеңістігіне қосылыңыз (Топтық жұмыс → Топтық жұмыс кеңістігіне қосылу…).</translation>
    </message>
    <message>
        <source>Publish a layer</source>
        <translation>Қабатты жариялау</translation>
    </message>
    <message>
        <source>This project has no layers of its own to publish. Add one with File → Add layer…</source>
        <translation>Бұл жобада жариялайтын өз қабаттары жоқ. Қабатты Файл → Қабат қосу… арқылы қосыңыз.</translation>
    </message>
    <message>
        <source>Which layer should colleagues see?</source>
        <translation>Әріптестер қай қабатты көруі керек?</translation>
    </message>
    <message>
        <source>“{0}” is already in the team workspace: its edits are shared as they are made.</source>
        <translation>«{0}» топтық жұмыс кеңістігінде бар: оның өзгерістері бірден ортақ болады.</translation>
    </message>
    <message>
        <source>The layer&apos;s data cannot be read: {0}</source>
        <translation>Қабат деректерін оқу мүмкін емес: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Published “{0}”: %n feature(s).</source>
        <translation>
            <numerusform>«{0}» жарияланды: %n нысан.</numerusform>
            <numerusform>«{0}» жарияланды: %n нысан.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish the evidence</source>
        <translation>Дереккөздер мен көрсеткіштерді жариялау</translation>
    </message>
    <message>
        <source>This project has no sources or claims of its own to publish.</source>
        <translation>Бұл жобада жариялайтын өз дереккөздері мен көрсеткіштері жоқ.</translation>
    </message>
    <message>
        <source>Evidence published: {0} added, {1} already there, {2} different from the workspace&apos;s (shown to choose).</source>
        <translation>Дереккөздер мен көрсеткіштер жарияланды: {0} қосылды, {1} бұрыннан бар, {2} жұмыс кеңістігіндегіден өзгеше (таңдау үшін көрсетіледі).</translation>
    </message>
    <message>
        <source>Open colleagues&apos; evidence</source>
        <translation>Әріптестердің дереккөздері мен көрсеткіштерін ашу</translation>
    </message>
    <message>
        <source>The project already has all the evidence in the workspace ({0} entries).</source>
        <translation>Жобада жұмыс кеңістігіндегі барлық дереккөз бен көрсеткіш бар ({0} жазба).</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s), figure(s) or indicator(s) of the workspace differ from the project&apos;s entries of the same name.</source>
        <translation>
            <numerusform>Жұмыс кеңістігінің %n дереккөзі, көрсеткіші не индикаторы жобадағы аттас жазбадан өзгеше.</numerusform>
            <numerusform>Жұмыс кеңістігінің %n дереккөзі, көрсеткіші не индикаторы жобадағы аттас жазбалардан өзгеше.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the project&apos;s</source>
        <translation>Жобаныкін қалдыру</translation>
    </message>
    <message>
        <source>Take the workspace&apos;s</source>
        <translation>Жұмыс кеңістігінікін алу</translation>
    </message>
    <message>
        <source>open colleagues&apos; evidence</source>
        <translation>әріптестердің дереккөздері мен көрсеткіштерін ашу</translation>
    </message>
    <message>
        <source>Nothing was added: {0}</source>
        <translation>Ештеңе қосылмады: {0}</translation>
    </message>
    <message>
        <source>Colleagues&apos; evidence: {0} added, {1} already here, {2} different ({3}).</source>
        <translation>Әріптестердің дереккөздері мен көрсеткіштері: {0} қосылды, {1} бұрыннан бар, {2} өзгеше ({3}).</translation>
    </message>
    <message>
        <source>the workspace&apos;s taken</source>
        <translation>жұмыс кеңістігінікі алынды</translation>
    </message>
    <message>
        <source>the project&apos;s kept</source>
        <translation>жобанікі қалды</translation>
    </message>
    <message>
        <source>Publish the lecture</source>
        <translation>Дәрісті жариялау</translation>
    </message>
    <message>
        <source>Name of the lecture in the workspace:</source>
        <translation>Жұмыс кеңістігіндегі дәріс атауы:</translation>
    </message>
    <message>
        <source>A lecture needs a name.</source>
        <translation>Дәріске атау керек.</translation>
    </message>
    <message>
        <source>A layer&apos;s data cannot be read: {0}</source>
        <translation>Қабаттың деректерін оқу мүмкін емес: {0}</translation>
    </message>
    <message>
        <source>Open from the team workspace</source>
        <translation>Топтық жұмыс кеңістігінен ашу</translation>
    </message>
    <message>
        <source>Edit a feature</source>
        <translation>Нысанды өңдеу</translation>
    </message>
    <message>
        <source>Select a feature of a layer opened from the team workspace first.</source>
        <translation>Алдымен топтық жұмыс кеңістігінен ашылған қабаттың нысанын таңдаңыз.</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached and this atlas cannot keep edits for later: the change was not made.</source>
        <translation>Топтық жұмыс кеңістігі қолжетімсіз, ал бұл атлас өзгерістерді кейінге сақтай алмайды: өзгеріс енгізілмеді.</translation>
    </message>
</context>
<context>
    <name>TeamWorkspace</name>
    <message>
        <source>&amp;Connect to team workspace…</source>
        <translation>Топтық жұмыс кеңістігіне &amp;қосылу…</translation>
    </message>
    <message>
        <source>Open from &amp;workspace…</source>
        <translation>Жұмыс &amp;кеңістігінен ашу…</translation>
    </message>
    <message>
        <source>Publish a layer to the workspace…</source>
        <translation>Қабатты жұмыс кеңістігінде жариялау…</translation>
    </message>
    <message>
        <source>Publish the project&apos;s evidence</source>
        <translation>Жобаның дереккөздері мен көрсеткіштерін жариялау</translation>
    </message>
    <message>
        <source>Open colleagues&apos; &amp;evidence…</source>
        <translation>Әріптестердің &amp;дереккөздері мен көрсеткіштерін ашу…</translation>
    </message>
    <message>
        <source>Publish the lecture to the workspace…</source>
        <translation>Дәрісті жұмыс кеңістігінде жариялау…</translation>
    </message>
    <message>
        <source>Disconnect from the workspace</source>
        <translation>Жұмыс кеңістігінен ажырату</translation>
    </message>
    <message>
        <source>Edit the selected workspace feature…</source>
        <translation>Жұмыс кеңістігінің таңдалған нысанын өңдеу…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Топтық жұмыс</translation>
    </message>
</context>
<context>
    <name>TimeFilter</name>
    <message>
        <source>Filter dated layers by year</source>
        <translation>Күні бар қабаттарды жыл бойынша сүзу</translation>
    </message>
    <message>
        <source>Conflict incidents by their dates, UN missions by start year</source>
        <translation>Қақтығыс оқиғалары – күндері бойынша, БҰҰ миссиялары – басталған жылы бойынша</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Басы</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Соңы</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>Бірінші жыл</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Соңғы жыл</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Кідірту</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Ойнату</translation>
    </message>
    <message>
        <source>Step through the years from the start of the range to its end, showing each year on the map</source>
        <translation>Аралықтың басынан соңына дейін жылдарды біртіндеп өту, әр жыл картада көрсетіледі</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Кідірту</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Ойнату</translation>
    </message>
</context>
<context>
    <name>UserLayers</name>
    <message>
        <source>&amp;Add layer…</source>
        <translation>Қабат &amp;қосу…</translation>
    </message>
    <message>
        <source>Save &amp;bundle…</source>
        <translation>&amp;Буманы сақтау…</translation>
    </message>
    <message>
        <source>Open b&amp;undle…</source>
        <translation>Буманы &amp;ашу…</translation>
    </message>
</context>
<context>
    <name>UserLayersController</name>
    <message>
        <source>A layer&apos;s file is missing</source>
        <translation>Қабаттың файлы табылмады</translation>
    </message>
    <message>
        <source>The file of the layer “{0}” cannot be read: {1}</source>
        <translation>«{0}» қабатының файлын оқу мүмкін емес: {1}</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Көрсету…</translation>
    </message>
    <message>
        <source>Keep it for later</source>
        <translation>Кейінге қалдыру</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Қабатты жою</translation>
    </message>
    <message>
        <source>Locate {0}</source>
        <translation>{0} қабатының файлы қайда?</translation>
    </message>
    <message>
        <source>That file cannot be used: {0}</source>
        <translation>Бұл файлды пайдалану мүмкін емес: {0}</translation>
    </message>
    <message>
        <source>Keep the data in the project</source>
        <translation>Деректерді жобада сақтау</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Қабатты жою</translation>
    </message>
    <message>
        <source>Remove “{0}” from the project? Its file is not touched.</source>
        <translation>«{0}» жобадан жойылсын ба? Файлдың өзі өзгермейді.</translation>
    </message>
    <message>
        <source>Export layer</source>
        <translation>Қабатты экспорттау</translation>
    </message>
    <message>
        <source>Export the whole layer or the rows selected in the table?</source>
        <translation>Бүкіл қабатты ма, әлде кестеде таңдалған жолдарды ма экспорттау керек?</translation>
    </message>
    <message>
        <source>Whole layer</source>
        <translation>Бүкіл қабат</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s)</source>
        <translation>
            <numerusform>%n таңдалған жол</numerusform>
            <numerusform>%n таңдалған жол</numerusform>
        </translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;Shapefile (*.shp)</source>
        <translation>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;Шейп-файл (*.shp)</translation>
    </message>
    <message>
        <source>The layer could not be exported: {0}</source>
        <translation>Қабатты экспорттау мүмкін болмады: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) written to {0}</source>
        <translation>
            <numerusform>{0} файлына %n нысан жазылды</numerusform>
            <numerusform>{0} файлына %n нысан жазылды</numerusform>
        </translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Буманы сақтау</translation>
    </message>
    <message>
        <source>Atlas bundle (*.atlas.zip)</source>
        <translation>Атлас бумасы (*.atlas.zip)</translation>
    </message>
    <message>
        <source>The bundle could not be written: {0}</source>
        <translation>Буманы жазу мүмкін болмады: {0}</translation>
    </message>
    <message>
        <source>Bundle saved: {0}</source>
        <translation>Бума сақталды: {0}</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Буманы ашу</translation>
    </message>
    <message>
        <source>The bundle cannot be opened: {0}</source>
        <translation>Буманы ашу мүмкін емес: {0}</translation>
    </message>
</context>
<context>
    <name>WebMapExport</name>
    <message>
        <source>{0} MB</source>
        <translation>{0} МБ</translation>
    </message>
    <message>
        <source>{0} KB</source>
        <translation>{0} КБ</translation>
    </message>
    <message>
        <source>Export web map</source>
        <translation>Веб-картаны экспорттау</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Веб-бет (*.html)</translation>
    </message>
    <message>
        <source>Web map not written</source>
        <translation>Веб-карта сақталмады</translation>
    </message>
    <message>
        <source>Wrote {0} ({1})</source>
        <translation>Сақталды: {0} ({1})</translation>
    </message>
    <message>
        <source>Web map exported</source>
        <translation>Веб-карта экспортталды</translation>
    </message>
    <message>
        <source>{0} is written: {1}, one file with everything in it. It opens in any current browser, with no network, on a computer or a phone; put it on a course site or a USB stick.</source>
        <translation>{0} сақталды: {1}, бәрі бір файлда. Ол кез келген заманауи браузерде желісіз, компьютерде де, телефонда да ашылады; оны курс сайтына немесе USB жинақтауышқа салуға болады.</translation>
    </message>
    <message>
        <source>Your own basemap ({0}) is not in it: a tile archive cannot travel inside one page.</source>
        <translation>Сіздің негізгі картаңыз ({0}) оған кірмеді: тайлдар мұрағатын бір беттің ішіне салу мүмкін емес.</translation>
    </message>
</context>
</TS>
