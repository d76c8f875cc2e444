<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>AnnotationController</name>
    <message>
        <source>Add annotation</source>
        <translation>Добавление аннотации</translation>
    </message>
    <message>
        <source>Move annotation</source>
        <translation>Перемещение аннотации</translation>
    </message>
    <message>
        <source>Change annotation style</source>
        <translation>Изменение стиля аннотации</translation>
    </message>
    <message>
        <source>Edit annotation text</source>
        <translation>Изменение текста аннотации</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Удаление аннотации</translation>
    </message>
</context>
<context>
    <name>AnnotationTextDialog</name>
    <message>
        <source>Marker</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Text label</source>
        <translation>Надпись</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Примечание:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
</context>
<context>
    <name>AnnotationToolBar</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Select / move</source>
        <translation>Выбор / перемещение</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Стрелка</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Полигон</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Прямоугольник</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Click an annotation to select it; drag it to move it</source>
        <translation>Щёлкните аннотацию, чтобы выбрать её; перетащите её, чтобы переместить</translation>
    </message>
    <message>
        <source>Click on the map to place a text label</source>
        <translation>Щёлкните на карте, чтобы разместить надпись</translation>
    </message>
    <message>
        <source>Click points; double-click to end the arrow</source>
        <translation>Щёлкайте по точкам; двойной щелчок завершает стрелку</translation>
    </message>
    <message>
        <source>Click points; double-click to end the line</source>
        <translation>Щёлкайте по точкам; двойной щелчок завершает линию</translation>
    </message>
    <message>
        <source>Click corners; double-click to close the area</source>
        <translation>Щёлкайте по вершинам; двойной щелчок замыкает полигон</translation>
    </message>
    <message>
        <source>Drag on the map to highlight a rectangle</source>
        <translation>Перетащите указатель по карте, чтобы выделить прямоугольник</translation>
    </message>
    <message>
        <source>Click on the map to place a marker with a note</source>
        <translation>Щёлкните на карте, чтобы поставить метку с примечанием</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source> Width </source>
        <translation> Толщина </translation>
    </message>
    <message>
        <source> Font </source>
        <translation> Шрифт </translation>
    </message>
    <message>
        <source> Fill </source>
        <translation> Заливка </translation>
    </message>
    <message>
        <source>Line width (px)</source>
        <translation>Толщина линии (пикс.)</translation>
    </message>
    <message>
        <source>Font size (px)</source>
        <translation>Размер шрифта (пикс.)</translation>
    </message>
    <message>
        <source>Fill opacity of areas</source>
        <translation>Непрозрачность заливки полигонов</translation>
    </message>
    <message>
        <source>Edit text…</source>
        <translation>Изменить текст…</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Удалить аннотацию</translation>
    </message>
    <message>
        <source>Annotation colour</source>
        <translation>Цвет аннотации</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <source>(yours)</source>
        <translation>(ваш)</translation>
    </message>
    <message>
        <source>Your figure; the atlas&apos;s: {0}</source>
        <translation>Ваш показатель; в атласе: {0}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Value on the map</source>
        <translation>Значение на карте</translation>
    </message>
    <message>
        <source>Filter rows (any column)…</source>
        <translation>Фильтр строк (по любому столбцу)…</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Показать выбранный объект</translation>
    </message>
    <message>
        <source>The layer shown in the table</source>
        <translation>Слой, показанный в таблице</translation>
    </message>
    <message>
        <source>Cannot read: {0}</source>
        <translation>Не удалось прочитать: {0}</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} из {1}</translation>
    </message>
</context>
<context>
    <name>Basemap</name>
    <message>
        <source>Open base&amp;map…</source>
        <translation>Открыть &amp;базовую карту…</translation>
    </message>
    <message>
        <source>{0} is not a tile archive (MBTiles or PMTiles).</source>
        <translation>{0} — не архив тайлов (MBTiles или PMTiles).</translation>
    </message>
    <message>
        <source>{0} holds vector tiles compressed in a way the atlas cannot read.</source>
        <translation>Векторные тайлы в {0} сжаты способом, который атлас не читает.</translation>
    </message>
    <message>
        <source>{0} holds tiles that are neither images (PNG, JPEG, WebP, AVIF) nor vector tiles.</source>
        <translation>Тайлы в {0} — не изображения (PNG, JPEG, WebP, AVIF) и не векторные тайлы.</translation>
    </message>
    <message>
        <source>{0} holds no tiles.</source>
        <translation>В {0} нет ни одного тайла.</translation>
    </message>
    <message>
        <source>{0} is damaged and cannot be read as a tile archive.</source>
        <translation>{0} повреждён и не читается как архив тайлов.</translation>
    </message>
</context>
<context>
    <name>BasemapController</name>
    <message>
        <source>Open basemap</source>
        <translation>Открыть базовую карту</translation>
    </message>
    <message>
        <source>Tile archives (*.mbtiles *.pmtiles);;All files (*)</source>
        <translation>Архивы тайлов (*.mbtiles *.pmtiles);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Basemap not opened</source>
        <translation>Базовая карта не открыта</translation>
    </message>
    <message>
        <source>Remove basemap</source>
        <translation>Убрать базовую карту</translation>
    </message>
    <message>
        <source>Basemap opacity</source>
        <translation>Непрозрачность базовой карты</translation>
    </message>
    <message>
        <source>Show or hide basemap</source>
        <translation>Показать или скрыть базовую карту</translation>
    </message>
    <message>
        <source>Tiles of this basemap that are damaged or too large to draw are left blank ({0} so far).</source>
        <translation>Повреждённые или слишком большие для отрисовки тайлы этой базовой карты оставлены пустыми (пока {0}).</translation>
    </message>
</context>
<context>
    <name>BasemapRow</name>
    <message>
        <source>Your basemap: {0}</source>
        <translation>Ваша базовая карта: {0}</translation>
    </message>
    <message>
        <source>Show or hide your basemap under the layers</source>
        <translation>Показать или скрыть вашу базовую карту под слоями</translation>
    </message>
    <message>
        <source>Opacity of your basemap</source>
        <translation>Непрозрачность вашей базовой карты</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Take your basemap off the map (the file stays)</source>
        <translation>Убрать вашу базовую карту (файл остаётся на месте)</translation>
    </message>
    <message>
        <source>Vector tiles, {0} schema: drawn in the atlas&apos;s style</source>
        <translation>Векторные тайлы, схема {0}: отрисованы в стиле атласа</translation>
    </message>
    <message>
        <source>Vector tiles, a schema the atlas does not know: every layer drawn in grey</source>
        <translation>Векторные тайлы, схема атласу неизвестна: каждый слой отрисован серым</translation>
    </message>
</context>
<context>
    <name>CitationRow</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy this reference to the clipboard</source>
        <translation>Скопировать эту библиографическую ссылку в буфер обмена</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Открыть ссылку</translation>
    </message>
    <message>
        <source>Open {0} in the system web browser</source>
        <translation>Открыть {0} в системном веб-браузере</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Библиографическая ссылка</translation>
    </message>
</context>
<context>
    <name>CiteDialog</name>
    <message>
        <source>Cite sources</source>
        <translation>Сослаться на источники</translation>
    </message>
    <message>
        <source>For this feature: {0}</source>
        <translation>Для этого объекта: {0}</translation>
    </message>
    <message>
        <source>For the whole layer: {0}</source>
        <translation>Для всего слоя: {0}</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>Edit figure</source>
        <translation>Изменить показатель</translation>
    </message>
    <message>
        <source>Add figure</source>
        <translation>Добавить показатель</translation>
    </message>
    <message>
        <source>A figure about {0}, with its source</source>
        <translation>Показатель о {0}, с источником</translation>
    </message>
    <message>
        <source>New indicator…</source>
        <translation>Новый индикатор…</translation>
    </message>
    <message>
        <source>The new indicator&apos;s name</source>
        <translation>Название нового индикатора</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Казахский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Индикатор</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед. изм.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Where in the source</source>
        <translation>Где в источнике</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>An estimate</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>Page, table or reference number</source>
        <translation>Страница, таблица или номер ссылки</translation>
    </message>
    <message>
        <source>A number (1234.5); a text value needs a note</source>
        <translation>Число (1234.5); текстовому значению нужно примечание</translation>
    </message>
    <message>
        <source>Yes: checked against the source</source>
        <translation>Да: сверено с источником</translation>
    </message>
    <message>
        <source>Only as the seed text says it</source>
        <translation>Только как в исходной статье</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Не применимо</translation>
    </message>
    <message>
        <source>This source is in the list already ({0}): it is ticked.</source>
        <translation>Этот источник уже есть в списке ({0}): он отмечен.</translation>
    </message>
    <message>
        <source>Name the new indicator in at least one language.</source>
        <translation>Назовите новый индикатор хотя бы на одном языке.</translation>
    </message>
    <message>
        <source>Give the figure&apos;s value.</source>
        <translation>Укажите значение показателя.</translation>
    </message>
    <message>
        <source>Give the date the figure is for (at least the year).</source>
        <translation>Укажите дату, к которой относится показатель (хотя бы год).</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s source, or add a new one.</source>
        <translation>Выберите источник показателя или добавьте новый.</translation>
    </message>
    <message>
        <source>The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021).</source>
        <translation>Дата должна быть ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (или диапазон, 2019/2021).</translation>
    </message>
    <message>
        <source>The value is not a number: say in the note what it means.</source>
        <translation>Значение не число: поясните в примечании, что оно означает.</translation>
    </message>
    <message>
        <source>This figure cannot be kept: {0}</source>
        <translation>Этот показатель нельзя сохранить: {0}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this too</source>
        <translation>Это изменил и кто-то другой</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>Коллега</translation>
    </message>
    <message>
        <source>{0} deleted this {1} on {2}, after you read it. Keep mine puts it back with your values; Take theirs leaves it deleted.</source>
        <translation>{0} удалил(а) {1} {2}, после того как вы это прочитали. «Оставить мою» вернёт запись с вашими значениями; «Взять их» оставит её удалённой.</translation>
    </message>
    <message>
        <source>{0} changed this {1} on {2}, after you read it. Nothing has been overwritten: choose which version the workspace keeps.</source>
        <translation>{0} изменил(а) {1} {2}, после того как вы это прочитали. Ничего не перезаписано: выберите, какая версия останется в рабочем пространстве.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Mine ({0})</source>
        <translation>Моя ({0})</translation>
    </message>
    <message>
        <source>me</source>
        <translation>я</translation>
    </message>
    <message>
        <source>Theirs ({0}, {1})</source>
        <translation>Их ({0}, {1})</translation>
    </message>
    <message>
        <source>Result (editable)</source>
        <translation>Результат (можно править)</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ (marked). Double-click a value of mine or theirs to put it in the result.</source>
        <translation>
            <numerusform>%n поле различается (отмечено). Дважды щёлкните значение (моё или их), чтобы перенести его в результат.</numerusform>
            <numerusform>%n поля различаются (отмечены). Дважды щёлкните значение (моё или их), чтобы перенести его в результат.</numerusform>
            <numerusform>%n полей различаются (отмечены). Дважды щёлкните значение (моё или их), чтобы перенести его в результат.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Оставить &amp;мою</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>Взять &amp;их</translation>
    </message>
    <message>
        <source>&amp;Merge (the result column)</source>
        <translation>&amp;Объединить (столбец результата)</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Решить &amp;позже</translation>
    </message>
    <message>
        <source>feature</source>
        <translation>объект</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>показатель</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>аннотацию</translation>
    </message>
    <message>
        <source>lecture</source>
        <translation>лекцию</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team workspace</source>
        <translation>Подключение к командному рабочему пространству</translation>
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
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <source>S&amp;ervice (optional):</source>
        <translation>С&amp;ервис (необязательно):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>a name from pg_service.conf, instead of the fields above</source>
        <translation>имя из pg_service.conf вместо полей выше</translation>
    </message>
    <message>
        <source>empty: from .pgpass or the service file</source>
        <translation>пусто: из .pgpass или файла сервиса</translation>
    </message>
    <message>
        <source>The password is kept only while the atlas runs: it is never written to a project or to the settings.</source>
        <translation>Пароль хранится, только пока работает атлас: он никогда не записывается ни в проект, ни в настройки.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Подключиться</translation>
    </message>
    <message>
        <source>Fill in the server, the database and the user, or give a service name.</source>
        <translation>Укажите сервер, базу данных и пользователя или имя сервиса.</translation>
    </message>
</context>
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
    <name>DigitiseController</name>
    <message>
        <source>&amp;Digitise features…</source>
        <translation>&amp;Оцифровать объекты…</translation>
    </message>
    <message>
        <source>S&amp;top digitising</source>
        <translation>&amp;Завершить оцифровку</translation>
    </message>
    <message>
        <source>Drawn by hand on the atlas&apos;s map: as accurate as the zoom each feature was drawn at.</source>
        <translation>Нарисовано вручную на карте атласа: точность каждого объекта соответствует масштабу, при котором он нарисован.</translation>
    </message>
    <message>
        <source>Digitise features</source>
        <translation>Оцифровка объектов</translation>
    </message>
    <message>
        <source>New layer “{0}”</source>
        <translation>Новый слой «{0}»</translation>
    </message>
    <message>
        <source>This layer is shared in the team workspace: its features change there, with Team → Edit the selected workspace feature…, so that colleagues see the change and no edit is lost. Draw into a layer of your own instead.</source>
        <translation>Этот слой общий в командном рабочем пространстве: его объекты меняются там, через «Команда → Изменить выбранный объект рабочего пространства…», чтобы коллеги видели изменение и ни одна правка не потерялась. Рисуйте в собственном слое.</translation>
    </message>
    <message>
        <source>This layer mixes points, lines and areas: draw into a layer of one kind.</source>
        <translation>В этом слое смешаны точки, линии и площади: рисуйте в слой одного вида.</translation>
    </message>
    <message>
        <source>Click on the map to place each point; Esc or Stop digitising ends.</source>
        <translation>Щёлкните по карте, чтобы поставить каждую точку; Esc или «Завершить оцифровку» — конец.</translation>
    </message>
    <message>
        <source>Click the line&apos;s points; double-click or Enter ends it, Esc cancels it.</source>
        <translation>Щёлкайте точки линии; двойной щелчок или Enter завершает её, Esc отменяет.</translation>
    </message>
    <message>
        <source>Click the corners; double-click or Enter closes the polygon, Esc cancels it.</source>
        <translation>Щёлкайте вершины; двойной щелчок или Enter замыкает полигон, Esc отменяет.</translation>
    </message>
    <message>
        <source>The shape cannot be kept: {0}</source>
        <translation>Эту фигуру нельзя сохранить: {0}</translation>
    </message>
    <message>
        <source>Move or reshape feature</source>
        <translation>Переместить или изменить форму объекта</translation>
    </message>
    <message>
        <source>Add feature</source>
        <translation>Добавление объекта</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <source>Name of the new field:</source>
        <translation>Имя нового поля:</translation>
    </message>
    <message>
        <source>Edit feature</source>
        <translation>Изменение объекта</translation>
    </message>
    <message>
        <source>Drag a point of the feature, or the feature itself; Enter keeps the new shape, Esc cancels.</source>
        <translation>Перетащите точку объекта или сам объект; Enter сохраняет новую форму, Esc отменяет.</translation>
    </message>
    <message>
        <source>Delete feature</source>
        <translation>Удалить объект</translation>
    </message>
    <message>
        <source>Cite sources</source>
        <translation>Сослаться на источники</translation>
    </message>
</context>
<context>
    <name>EvidenceController</name>
    <message>
        <source>Import a &amp;bibliography…</source>
        <translation>Импорт &amp;библиографии…</translation>
    </message>
    <message>
        <source>Add a so&amp;urce…</source>
        <translation>Добавить ис&amp;точник…</translation>
    </message>
    <message>
        <source>Export sources and &amp;figures</source>
        <translation>Экспорт источников и &amp;показателей</translation>
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
        <translation>Показатели с источниками (CSV)…</translation>
    </message>
    <message>
        <source>This map</source>
        <translation>Эта карта</translation>
    </message>
    <message>
        <source>The project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Export sources and figures</source>
        <translation>Экспорт источников и показателей</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Не изменено</translation>
    </message>
    <message>
        <source>add figure</source>
        <translation>добавление показателя</translation>
    </message>
    <message>
        <source>edit figure</source>
        <translation>изменение показателя</translation>
    </message>
    <message>
        <source>delete figure</source>
        <translation>удаление показателя</translation>
    </message>
    <message>
        <source>add source</source>
        <translation>добавление источника</translation>
    </message>
    <message>
        <source>edit source</source>
        <translation>изменение источника</translation>
    </message>
    <message>
        <source>Source kept</source>
        <translation>Источник оставлен</translation>
    </message>
    <message>
        <source>This source is cited by {0} of your figures and {1} layers or features; change or delete those citations first.</source>
        <translation>На этот источник ссылаются ваши показатели ({0}) и слои или объекты ({1}); сначала измените или удалите эти ссылки.</translation>
    </message>
    <message>
        <source>remove source</source>
        <translation>удаление источника</translation>
    </message>
    <message>
        <source>the same DOI</source>
        <translation>тот же DOI</translation>
    </message>
    <message>
        <source>the same link</source>
        <translation>та же ссылка</translation>
    </message>
    <message>
        <source>the same title</source>
        <translation>то же название</translation>
    </message>
    <message>
        <source>the atlas&apos;s own source</source>
        <translation>собственный источник атласа</translation>
    </message>
    <message>
        <source>a source you have</source>
        <translation>ваш источник</translation>
    </message>
    <message>
        <source>“{0}” has {1} as {2}:
{3}

Merge them (one source), or keep both?</source>
        <translation>«{0}»: {1}, что и у {2}:
{3}

Объединить их (один источник) или оставить оба?</translation>
    </message>
    <message>
        <source>Duplicate source</source>
        <translation>Повтор источника</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Оставить оба</translation>
    </message>
    <message>
        <source>Import a bibliography</source>
        <translation>Импорт библиографии</translation>
    </message>
    <message>
        <source>Bibliographies (*.bib *.ris *.json);;BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json)</source>
        <translation>Библиографии (*.bib *.ris *.json);;BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
    <message>
        <source>import {0}</source>
        <translation>импорт {0}</translation>
    </message>
    <message>
        <source>{0}: {1} sources added, {2} duplicates, {3} entries skipped</source>
        <translation>{0}: добавлено источников — {1}, повторов — {2}, пропущено записей — {3}</translation>
    </message>
    <message>
        <source>Some entries were not imported</source>
        <translation>Некоторые записи не импортированы</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>Записано: {0}</translation>
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
        <translation>Экспорт карты</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Заголовок:</translation>
    </message>
    <message>
        <source>Subtitle:</source>
        <translation>Подзаголовок:</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Страница:</translation>
    </message>
    <message>
        <source>Custom size:</source>
        <translation>Произвольный размер:</translation>
    </message>
    <message>
        <source>Resolution (DPI):</source>
        <translation>Разрешение (DPI):</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Map title</source>
        <translation>Название карты</translation>
    </message>
    <message>
        <source>Subtitle (optional)</source>
        <translation>Подзаголовок (необязательно)</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4, альбомная</translation>
    </message>
    <message>
        <source>A4 portrait</source>
        <translation>A4, книжная</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3, альбомная</translation>
    </message>
    <message>
        <source>A3 portrait</source>
        <translation>A3, книжная</translation>
    </message>
    <message>
        <source>Slide 16:9</source>
        <translation>Слайд 16:9</translation>
    </message>
    <message>
        <source>Custom pixels</source>
        <translation>Произвольный (в пикселях)</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>PDF document (text stays text)</source>
        <translation>Документ PDF (текст остаётся текстом)</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Векторный рисунок SVG</translation>
    </message>
    <message>
        <source>Georeferenced PNG: the map alone, with world file (.pgw) and .prj</source>
        <translation>PNG с географической привязкой: только карта, с файлом привязки (.pgw) и .prj</translation>
    </message>
    <message>
        <source>GeoTIFF: the map alone, georeferenced</source>
        <translation>GeoTIFF: только карта, с географической привязкой</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Показать на странице</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Условные обозначения</translation>
    </message>
    <message>
        <source>Scale bar</source>
        <translation>Масштабная линейка</translation>
    </message>
    <message>
        <source>North arrow</source>
        <translation>Стрелка севера</translation>
    </message>
    <message>
        <source>Locator inset</source>
        <translation>Обзорная карта-врезка</translation>
    </message>
    <message>
        <source>Attribution (map data credits)</source>
        <translation>Авторство картографических данных</translation>
    </message>
    <message>
        <source>Footer with the sources of the visible layers</source>
        <translation>Нижний колонтитул с источниками видимых слоёв</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <source>Page: {0} × {1} px at {2} DPI</source>
        <translation>Страница: {0} × {1} пикс. при {2} DPI</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Векторный рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>GeoTIFF image (*.tif)</source>
        <translation>Изображение GeoTIFF (*.tif)</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Не экспортировано</translation>
    </message>
    <message>
        <source>Could not export the map: {0}</source>
        <translation>Не удалось экспортировать карту: {0}</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} × {2} px)</source>
        <translation>Сохранено: {0} ({1} × {2} пикс.)</translation>
    </message>
</context>
<context>
    <name>FeatureEditDialog</name>
    <message>
        <source>Edit {0}</source>
        <translation>Изменить: {0}</translation>
    </message>
    <message>
        <source>Saved to the team workspace; if a colleague changed this feature meanwhile, you will see both versions and choose.</source>
        <translation>Сохраняется в командном рабочем пространстве; если коллега за это время изменил этот объект, вы увидите обе версии и выберете.</translation>
    </message>
</context>
<context>
    <name>FeatureForm</name>
    <message>
        <source>Feature of “{0}”</source>
        <translation>Объект слоя «{0}»</translation>
    </message>
    <message>
        <source>Add field…</source>
        <translation>Добавить поле…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>No source is ticked: tick the one that states this feature, or press OK again to keep it without a source for now.</source>
        <translation>Не отмечен ни один источник: отметьте тот, в котором говорится об этом объекте, или нажмите OK ещё раз, чтобы пока сохранить его без источника.</translation>
    </message>
</context>
<context>
    <name>FileErrors</name>
    <message>
        <source>{0} does not exist.</source>
        <translation>{0} не существует.</translation>
    </message>
    <message>
        <source>{0} is not a regular file (a folder, a device or a pipe).</source>
        <translation>{0} — не обычный файл (папка, устройство или канал).</translation>
    </message>
    <message>
        <source>{0} is too large.</source>
        <translation>{0} слишком велик.</translation>
    </message>
    <message>
        <source>{0} cannot be read.</source>
        <translation>{0} не удаётся прочитать.</translation>
    </message>
    <message>
        <source>{0} is not UTF-8 text.</source>
        <translation>{0} — не текст в UTF-8.</translation>
    </message>
    <message>
        <source>{0} is damaged (its syntax is not valid).</source>
        <translation>{0} повреждён (неверный синтаксис).</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be read safely.</source>
        <translation>{0} имеет слишком глубокую вложенность для безопасного чтения.</translation>
    </message>
    <message>
        <source>{0} holds a number too long to be a real value.</source>
        <translation>{0} содержит слишком длинное число, чтобы оно было реальным значением.</translation>
    </message>
    <message>
        <source>{0} cannot be used.</source>
        <translation>{0} нельзя использовать.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Geodata (*.geojson *.json *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.fgb *.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Геоданные (*.geojson *.json *.shp *.zip *.gpkg *.kml *.kmz *.gpx *.fgb *.csv *.tsv *.txt *.xlsx);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Добавить слой</translation>
    </message>
    <message>
        <source>The file cannot be imported: {0}</source>
        <translation>Файл нельзя импортировать: {0}</translation>
    </message>
    <message>
        <source>Added {0}: {1} features ({2}), from {3}; {4} repaired, {5} without geometry skipped</source>
        <translation>Добавлен слой {0}: объектов — {1} ({2}), из {3}; исправлено — {4}, пропущено без геометрии — {5}</translation>
    </message>
    <message>
        <source>Add layer: {0}</source>
        <translation>Добавить слой: {0}</translation>
    </message>
    <message>
        <source>The file holds several layers. Which one?</source>
        <translation>В файле несколько слоёв. Какой из них?</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>The shapefile does not say how its text is encoded. The first names read as:</source>
        <translation>В шейп-файле не указана кодировка текста. Первые названия читаются так:</translation>
    </message>
    <message>
        <source>The file has no coordinate system and its coordinates are not degrees. Which system are they in?</source>
        <translation>В файле нет системы координат, и его координаты — не градусы. В какой они системе?</translation>
    </message>
    <message>
        <source>UTM zone (WGS 84)…</source>
        <translation>Зона UTM (WGS 84)…</translation>
    </message>
    <message>
        <source>Pulkovo 1942 / Gauss-Krüger…</source>
        <translation>Пулково 1942 / Гаусс — Крюгер…</translation>
    </message>
    <message>
        <source>Another (EPSG code)…</source>
        <translation>Другая (код EPSG)…</translation>
    </message>
    <message>
        <source>{0} (suggested)</source>
        <translation>{0} (предлагается)</translation>
    </message>
    <message>
        <source>Which zone?</source>
        <translation>Какая зона?</translation>
    </message>
    <message>
        <source>EPSG code, e.g. EPSG:32642</source>
        <translation>Код EPSG, например EPSG:32642</translation>
    </message>
    <message>
        <source>Longitude: {0}, latitude: {1}</source>
        <translation>Долгота: {0}, широта: {1}</translation>
    </message>
    <message>
        <source>Geometry as WKT in: {0}</source>
        <translation>Геометрия WKT в столбце: {0}</translation>
    </message>
    <message>
        <source>Other columns…</source>
        <translation>Другие столбцы…</translation>
    </message>
    <message>
        <source>Which columns hold the places?</source>
        <translation>В каких столбцах местоположения?</translation>
    </message>
    <message>
        <source>Longitude and latitude columns separated by a comma, or one WKT column. Columns: {0}</source>
        <translation>Столбцы долготы и широты через запятую или один столбец WKT. Столбцы: {0}</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>Click a feature on the map, a row of the attribute table, a bar of a chart or a search result to see it here.</source>
        <translation>Щёлкните объект на карте, строку таблицы атрибутов, столбец диаграммы или результат поиска, чтобы увидеть сведения о нём здесь.</translation>
    </message>
    <message>
        <source>Figures (each with its source)</source>
        <translation>Показатели (каждый — со своим источником)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед. изм.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Cite source…</source>
        <translation>Сослаться на источник…</translation>
    </message>
    <message>
        <source>Attach sources to this feature or to its whole layer</source>
        <translation>Привязать источники к этому объекту или ко всему его слою</translation>
    </message>
    <message>
        <source>Citation style: APA 7 or GOST R 7.0.5-2008</source>
        <translation>Стиль оформления ссылок: APA 7 или ГОСТ Р 7.0.5-2008</translation>
    </message>
    <message>
        <source>Add figure…</source>
        <translation>Добавить показатель…</translation>
    </message>
    <message>
        <source>Add a figure of your own about this, with its source</source>
        <translation>Добавить свой показатель об этом, с источником</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Change the selected figure (only your own)</source>
        <translation>Изменить выбранный показатель (только свой)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected figure (only your own)</source>
        <translation>Удалить выбранный показатель (только свой)</translation>
    </message>
    <message>
        <source>(estimate)</source>
        <translation>(оценка)</translation>
    </message>
    <message>
        <source>(yours)</source>
        <translation>(ваш)</translation>
    </message>
    <message>
        <source>Where: {0}</source>
        <translation>Место в источнике: {0}</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>Добавлено вами</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> / </translation>
    </message>
    <message>
        <source>⚠ Sources disagree on {0}: {1}</source>
        <translation>⚠ Источники расходятся по показателю «{0}»: {1}</translation>
    </message>
    <message>
        <source>Cited in this project:</source>
        <translation>Указано в этом проекте:</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>Tick a layer or group to show it; drag a layer to reorder it within its group; double-click a layer to zoom to it; the slider sets its opacity.</source>
        <translation>Отметьте слой или группу, чтобы показать их; перетащите слой, чтобы изменить его место в группе; дважды щёлкните слой, чтобы приблизить карту к нему; ползунок задаёт непрозрачность слоя.</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Space shows or hides a layer; F2 types its opacity; Enter zooms to it</source>
        <translation>Пробел показывает или скрывает слой; F2 — ввести его непрозрачность; клавиша ввода — приблизить к нему</translation>
    </message>
    <message>
        <source>Style, labels and popup…</source>
        <translation>Стиль, подписи и всплывающее окно…</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Приблизить к слою</translation>
    </message>
    <message>
        <source>Export layer…</source>
        <translation>Экспорт слоя…</translation>
    </message>
    <message>
        <source>Keep the data in the project</source>
        <translation>Хранить данные в проекте</translation>
    </message>
    <message>
        <source>Draw features into this layer</source>
        <translation>Рисовать объекты в этот слой</translation>
    </message>
    <message>
        <source>Publish to the team workspace…</source>
        <translation>Опубликовать в командном рабочем пространстве…</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Cite sources for the layer…</source>
        <translation>Источники для всего слоя…</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Your labels, arrows, areas and markers, drawn above every layer</source>
        <translation>Ваши надписи, стрелки, полигоны и метки; рисуются поверх всех слоёв</translation>
    </message>
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
        <source>Opacity: {0} % (F2 to type a value)</source>
        <translation>Непрозрачность: {0} % (F2 — ввести значение)</translation>
    </message>
    <message>
        <source>Opacity of {0}: {1} %</source>
        <translation>Непрозрачность слоя «{0}»: {1} %</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Unknown page size &apos;{0}&apos;; use one of: {1}</source>
        <translation>Неизвестный размер страницы «{0}»; укажите один из: {1}</translation>
    </message>
    <message>
        <source>DPI must be between {0} and {1}</source>
        <translation>Значение DPI должно быть от {0} до {1}</translation>
    </message>
    <message>
        <source>A custom page must be 200 to 12000 pixels wide and high</source>
        <translation>Ширина и высота произвольной страницы должны быть от 200 до 12000 пикселей</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Нет данных</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Условные обозначения</translation>
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
        <translation>1:{0} на широте {1}°</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north arrow letter</comment>
        <translation>С</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>Источники: {0}</translation>
    </message>
    <message>
        <source>Sources: listed on the next page</source>
        <translation>Источники: на следующей странице</translation>
    </message>
    <message>
        <source>Map data: {0}</source>
        <translation>Картографические данные: {0}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
</context>
<context>
    <name>LiveLayers</name>
    <message>
        <source>{0} published a layer to the team workspace (Team → Open from workspace…).</source>
        <translation>{0} опубликовал(а) слой в командном рабочем пространстве (Команда → Открыть из рабочего пространства…).</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>Коллега</translation>
    </message>
    <message>
        <source>Could not read “{0}” from the workspace</source>
        <translation>Не удалось прочитать «{0}» из рабочего пространства</translation>
    </message>
</context>
<context>
    <name>LoadNotes</name>
    <message>
        <source>line colour</source>
        <translation>цвет линии</translation>
    </message>
    <message>
        <source>fill colour</source>
        <translation>цвет заливки</translation>
    </message>
    <message>
        <source>line width</source>
        <translation>толщина линии</translation>
    </message>
    <message>
        <source>opacity</source>
        <translation>непрозрачность</translation>
    </message>
    <message>
        <source>fill opacity</source>
        <translation>непрозрачность заливки</translation>
    </message>
    <message>
        <source>dash pattern</source>
        <translation>пунктир линии</translation>
    </message>
    <message>
        <source>It has no value.</source>
        <translation>У показателя нет значения.</translation>
    </message>
    <message>
        <source>It has no date.</source>
        <translation>У показателя не указана дата.</translation>
    </message>
    <message>
        <source>It names no source.</source>
        <translation>У показателя не указан источник.</translation>
    </message>
    <message>
        <source>It has no indicator.</source>
        <translation>У показателя не указан индикатор.</translation>
    </message>
    <message>
        <source>It is about no feature or country.</source>
        <translation>Показатель не относится ни к одному объекту или стране.</translation>
    </message>
    <message>
        <source>One of its fields is empty.</source>
        <translation>Одно из его полей пусто.</translation>
    </message>
    <message>
        <source>Its key does not start with u_, as the keys of a project&apos;s own sources do.</source>
        <translation>Его ключ не начинается с u_, а ключи собственных источников проекта должны так начинаться.</translation>
    </message>
    <message>
        <source>Another source of the project has the same key.</source>
        <translation>У другого источника проекта такой же ключ.</translation>
    </message>
    <message>
        <source>Its identifier does not start with u_, as the identifiers of a project&apos;s own figures do.</source>
        <translation>Его идентификатор не начинается с u_, а идентификаторы собственных показателей проекта должны так начинаться.</translation>
    </message>
    <message>
        <source>Another figure of the project has the same identifier.</source>
        <translation>У другого показателя проекта такой же идентификатор.</translation>
    </message>
    <message>
        <source>Its value is not a number, and no note says what it means.</source>
        <translation>Его значение — не число, и нет примечания, поясняющего, что оно означает.</translation>
    </message>
    <message>
        <source>Another indicator of the project has the same identifier.</source>
        <translation>У другого индикатора проекта такой же идентификатор.</translation>
    </message>
    <message>
        <source>It has no name in any language.</source>
        <translation>У него нет названия ни на одном языке.</translation>
    </message>
    <message>
        <source>It breaks the atlas&apos;s rules for sources and figures.</source>
        <translation>Он нарушает правила атласа для источников и показателей.</translation>
    </message>
    <message>
        <source>The project&apos;s source “{0}” was left out. {1}</source>
        <translation>Источник проекта «{0}» пропущен. {1}</translation>
    </message>
    <message>
        <source>Source {0} of the project was left out. {1}</source>
        <translation>Источник № {0} из проекта пропущен. {1}</translation>
    </message>
    <message>
        <source>A figure of the project for “{0}” was left out. {1}</source>
        <translation>Показатель проекта по индикатору «{0}» пропущен. {1}</translation>
    </message>
    <message>
        <source>Figure {0} of the project was left out. {1}</source>
        <translation>Показатель № {0} из проекта пропущен. {1}</translation>
    </message>
    <message>
        <source>The project&apos;s indicator “{0}” was left out. {1}</source>
        <translation>Индикатор проекта «{0}» пропущен. {1}</translation>
    </message>
    <message>
        <source>Indicator {0} of the project was left out. {1}</source>
        <translation>Индикатор № {0} из проекта пропущен. {1}</translation>
    </message>
    <message>
        <source>Annotation {0} of slide {1} could not be read and was left out.</source>
        <translation>Аннотацию № {0} на слайде {1} не удалось прочитать, она пропущена.</translation>
    </message>
    <message>
        <source>Annotation {0} could not be read and was left out.</source>
        <translation>Аннотацию № {0} не удалось прочитать, она пропущена.</translation>
    </message>
    <message>
        <source>Layer “{0}”: its style settings could not be read and were left out.</source>
        <translation>Слой «{0}»: не удалось прочитать настройки стиля, они пропущены.</translation>
    </message>
    <message>
        <source>Layer “{0}”: the setting “{1}” could not be read and was left out.</source>
        <translation>Слой «{0}»: не удалось прочитать настройку «{1}», она пропущена.</translation>
    </message>
    <message>
        <source>Layer “{0}”: the style setting “{1}” is not one the atlas knows and was left out.</source>
        <translation>Слой «{0}»: настройка стиля «{1}» неизвестна атласу, она пропущена.</translation>
    </message>
    <message>
        <source>The picture of slide {0} could not be read and was left out; it is taken again when the slide is shown.</source>
        <translation>Не удалось прочитать миниатюру слайда {0}, она пропущена; её снимут заново, когда слайд будет показан.</translation>
    </message>
    <message>
        <source>The picture of slide {0} is too large and was left out; it is taken again when the slide is shown.</source>
        <translation>Миниатюра слайда {0} слишком велика и пропущена; её снимут заново, когда слайд будет показан.</translation>
    </message>
    <message>
        <source>The project comes from an older version of the atlas and was converted to the current one.</source>
        <translation>Проект создан в более старой версии атласа и преобразован в текущую.</translation>
    </message>
    <message>
        <source>The project&apos;s language “{0}” is not Kazakh, Russian or English; it opens in English.</source>
        <translation>Язык проекта «{0}» — не казахский, не русский и не английский; проект открывается на английском.</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) that cannot be stored were replaced by the sign �.</source>
        <translation>
            <numerusform>%n символ, который нельзя сохранить, заменён знаком �.</numerusform>
            <numerusform>%n символа, которые нельзя сохранить, заменены знаком �.</numerusform>
            <numerusform>%n символов, которые нельзя сохранить, заменены знаком �.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) this atlas does not have were ignored: {0}.</source>
        <translation>
            <numerusform>%n слой, которого нет в этом атласе, пропущен: {0}.</numerusform>
            <numerusform>%n слоя, которых нет в этом атласе, пропущены: {0}.</numerusform>
            <numerusform>%n слоёв, которых нет в этом атласе, пропущены: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sources in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Источников в проекте: {0}; прочитан только первый %n.</numerusform>
            <numerusform>Источников в проекте: {0}; прочитаны только первые %n.</numerusform>
            <numerusform>Источников в проекте: {0}; прочитаны только первые %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Figures in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Показателей в проекте: {0}; прочитан только первый %n.</numerusform>
            <numerusform>Показателей в проекте: {0}; прочитаны только первые %n.</numerusform>
            <numerusform>Показателей в проекте: {0}; прочитаны только первые %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indicators in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Индикаторов в проекте: {0}; прочитан только первый %n.</numerusform>
            <numerusform>Индикаторов в проекте: {0}; прочитаны только первые %n.</numerusform>
            <numerusform>Индикаторов в проекте: {0}; прочитаны только первые %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The project&apos;s sources could not be read and were left out.</source>
        <translation>Не удалось прочитать источники проекта, они пропущены.</translation>
    </message>
    <message>
        <source>The project&apos;s figures could not be read and were left out.</source>
        <translation>Не удалось прочитать показатели проекта, они пропущены.</translation>
    </message>
    <message>
        <source>The project&apos;s indicators could not be read and were left out.</source>
        <translation>Не удалось прочитать индикаторы проекта, они пропущены.</translation>
    </message>
    <message>
        <source>The sources cited for a feature of the layer “{0}” could not be read and were left out.</source>
        <translation>Не удалось прочитать источники, указанные для объекта слоя «{0}», они пропущены.</translation>
    </message>
    <message>
        <source>The sources cited for the layer “{0}” could not be read and were left out.</source>
        <translation>Не удалось прочитать источники, указанные для слоя «{0}», они пропущены.</translation>
    </message>
    <message>
        <source>The link to the project&apos;s lecture in a team workspace could not be read; the project opens without it.</source>
        <translation>Не удалось прочитать ссылку на лекцию проекта в командном рабочем пространстве; проект открывается без неё.</translation>
    </message>
    <message>
        <source>The project&apos;s own basemap (a tile archive) could not be read and is not shown.</source>
        <translation>Не удалось прочитать собственную базовую карту проекта (архив тайлов), она не показана.</translation>
    </message>
    <message>
        <source>The project&apos;s sources and figures could not be read and were left out.</source>
        <translation>Не удалось прочитать источники и показатели проекта, они пропущены.</translation>
    </message>
    <message>
        <source>The project&apos;s citations for layers and features could not be read and were left out.</source>
        <translation>Не удалось прочитать указания источников для слоёв и объектов проекта, они пропущены.</translation>
    </message>
    <message>
        <source>The project&apos;s sources and figures are in a form this atlas cannot read (version {0}) and were left out.</source>
        <translation>Источники и показатели проекта записаны в формате, который этот атлас не читает (версия {0}), они пропущены.</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>Открыто: {0}</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
            <numerusform>…и ещё %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {0} with %n note(s): {1}</source>
        <translation>
            <numerusform>Открыто: {0}; %n замечание: {1}</numerusform>
            <numerusform>Открыто: {0}; %n замечания: {1}</numerusform>
            <numerusform>Открыто: {0}; %n замечаний: {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Export web map…</source>
        <translation>Экспортировать веб-карту…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Find a place…</source>
        <translation>&amp;Найти место…</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>Export map…</source>
        <translation>Экспортировать карту…</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Отменить: {0}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Повторить: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
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
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Selected: {0} — {1}</source>
        <translation>Выбрано: {0} — {1}</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Статистика</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Слайды</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Таблица атрибутов</translation>
    </message>
    <message>
        <source>Time filter</source>
        <translation>Фильтр по времени</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
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
        <source>Some layer definitions have problems; a layer with an error was skipped:</source>
        <translation>В некоторых описаниях слоёв есть ошибки; слой с ошибкой пропущен:</translation>
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
    <name>MapMenu</name>
    <message>
        <source>Copy coordinates ({0})</source>
        <translation>Копировать координаты ({0})</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Определить</translation>
    </message>
    <message>
        <source>Add a figure about this…</source>
        <translation>Добавить показатель об этом…</translation>
    </message>
    <message>
        <source>Zoom in here</source>
        <translation>Приблизить сюда</translation>
    </message>
    <message>
        <source>Add a text label here…</source>
        <translation>Добавить здесь подпись…</translation>
    </message>
    <message>
        <source>Add a marker here…</source>
        <translation>Добавить здесь маркер…</translation>
    </message>
    <message>
        <source>Cite source…</source>
        <translation>Сослаться на источник…</translation>
    </message>
    <message>
        <source>Edit feature…</source>
        <translation>Изменить объект…</translation>
    </message>
    <message>
        <source>Move or reshape feature</source>
        <translation>Переместить или изменить форму объекта</translation>
    </message>
    <message>
        <source>Delete feature</source>
        <translation>Удалить объект</translation>
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
<context>
    <name>OpacityDelegate</name>
    <message>
        <source>Opacity (%)</source>
        <translation>Непрозрачность (%)</translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message>
        <source>Open from the team workspace</source>
        <translation>Открыть из командного рабочего пространства</translation>
    </message>
    <message numerus="yes">
        <source>Layers (%n)</source>
        <translation>
            <numerusform>Слои (%n)</numerusform>
            <numerusform>Слои (%n)</numerusform>
            <numerusform>Слои (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lectures (%n)</source>
        <translation>
            <numerusform>Лекции (%n)</numerusform>
            <numerusform>Лекции (%n)</numerusform>
            <numerusform>Лекции (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Объекты</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Слайды</translation>
    </message>
    <message>
        <source>Nobody has published anything to this workspace yet.</source>
        <translation>В этом рабочем пространстве пока никто ничего не опубликовал.</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>&amp;New project</source>
        <translation>&amp;Новый проект</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Сохранить проект</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Сохранить проект &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Present from the first slide</source>
        <translation>Показ с &amp;первого слайда</translation>
    </message>
    <message>
        <source>Present from the &amp;selected slide</source>
        <translation>Показ с &amp;выбранного слайда</translation>
    </message>
    <message>
        <source>&amp;Add slide from the current view</source>
        <translation>&amp;Добавить слайд из текущего вида</translation>
    </message>
    <message>
        <source>Export slides to P&amp;DF…</source>
        <translation>&amp;Экспортировать слайды в PDF…</translation>
    </message>
    <message>
        <source>Export slides as P&amp;NG images…</source>
        <translation>Экспортировать слайды в &amp;изображения PNG…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Показ</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Последние проекты</translation>
    </message>
    <message>
        <source>&amp;Lectures</source>
        <translation>&amp;Лекции</translation>
    </message>
    <message>
        <source>&amp;Slides</source>
        <translation>Слай&amp;ды</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>{0}[*] — Central Asia Security Atlas</source>
        <translation>{0}[*] — Атлас безопасности Центральной Азии</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Автосохранение не удалось: {0}</translation>
    </message>
    <message>
        <source>Recovery file damaged</source>
        <translation>Файл восстановления повреждён</translation>
    </message>
    <message>
        <source>Unsaved work from a session that did not close normally could not be read. The file was kept as {0}.

Details: {1}</source>
        <translation>Несохранённую работу сеанса, который не был закрыт нормально, не удалось прочитать. Файл сохранён как {0}.

Подробности: {1}</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>безымянном проекте</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <source>The atlas did not close normally. Unsaved work on {0} was kept at {1}.

Restore it? (No keeps it for the next start; Discard deletes it.)</source>
        <translation>Атлас не был закрыт нормально. Несохранённая работа над {0} сохранена в {1}.

Восстановить её? («Нет» оставит её до следующего запуска; «Отклонить» удалит её.)</translation>
    </message>
    <message numerus="yes">
        <source>%n more unsaved session(s) kept: offered at the next start.</source>
        <translation>
            <numerusform>Ещё %n несохранённый сеанс сохранён: он будет предложен при следующем запуске.</numerusform>
            <numerusform>Ещё %n несохранённых сеанса сохранены: они будут предложены при следующем запуске.</numerusform>
            <numerusform>Ещё %n несохранённых сеансов сохранены: они будут предложены при следующем запуске.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to {0}?</source>
        <translation>Сохранить изменения в {0}?</translation>
    </message>
    <message>
        <source>the untitled project</source>
        <translation>безымянном проекте</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Atlas projects (*.atlas.json *.json);;All files (*)</source>
        <translation>Проекты атласа (*.atlas.json *.json);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Не удалось открыть проект</translation>
    </message>
    <message>
        <source>{0} cannot be read.</source>
        <translation>{0} не удаётся прочитать.</translation>
    </message>
    <message>
        <source>{0} is not an atlas project.</source>
        <translation>{0} не является проектом атласа.</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete.</source>
        <translation>Файл {0} повреждён или неполон.</translation>
    </message>
    <message>
        <source>{0} was saved by a newer version of the atlas; update the atlas to open it.</source>
        <translation>Файл {0} сохранён более новой версией атласа; чтобы открыть его, обновите атлас.</translation>
    </message>
    <message>
        <source>{0} is not a valid atlas project.</source>
        <translation>{0} не является корректным проектом атласа.</translation>
    </message>
    <message>
        <source>{0}

Details: {1}

Nothing was changed.</source>
        <translation>{0}

Подробности: {1}

Ничего не изменено.</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>Сохранить проект</translation>
    </message>
    <message>
        <source>Atlas projects (*.atlas.json)</source>
        <translation>Проекты атласа (*.atlas.json)</translation>
    </message>
    <message>
        <source>Project changed on disk</source>
        <translation>Проект изменён на диске</translation>
    </message>
    <message>
        <source>{0} was changed by another window or program since you opened it. Saving now would replace those changes.</source>
        <translation>{0} изменён другим окном или программой после того, как вы его открыли. Если сохранить сейчас, эти изменения будут потеряны.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Перезаписать</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Загрузить с диска заново</translation>
    </message>
    <message>
        <source>Project not saved</source>
        <translation>Проект не сохранён</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Сохранено: {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>(no lectures found)</source>
        <translation>(лекции не найдены)</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>this source</source>
        <translation>этот источник</translation>
    </message>
    <message>
        <source>this indicator</source>
        <translation>этот индикатор</translation>
    </message>
    <message>
        <source>This entry is no longer in the project (it was changed or removed meanwhile).</source>
        <translation>Этой записи в проекте больше нет (тем временем её изменили или удалили).</translation>
    </message>
    <message>
        <source>Give the figure&apos;s value.</source>
        <translation>Укажите значение показателя.</translation>
    </message>
    <message>
        <source>Give the date the figure is for (at least the year).</source>
        <translation>Укажите дату, к которой относится показатель (хотя бы год).</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s source, or add a new one.</source>
        <translation>Выберите источник показателя или добавьте новый.</translation>
    </message>
    <message>
        <source>Choose the figure&apos;s indicator.</source>
        <translation>Выберите индикатор показателя.</translation>
    </message>
    <message>
        <source>The figure is about no feature or country.</source>
        <translation>Показатель не относится ни к одному объекту или стране.</translation>
    </message>
    <message>
        <source>A field of the figure is empty.</source>
        <translation>Одно из полей показателя пусто.</translation>
    </message>
    <message>
        <source>This source is in the project already ({0}).</source>
        <translation>Этот источник уже есть в проекте ({0}).</translation>
    </message>
    <message>
        <source>A figure for “{0}” with the same identifier is in the project already.</source>
        <translation>Показатель «{0}» с таким же идентификатором уже есть в проекте.</translation>
    </message>
    <message>
        <source>{0} is cited by {1} of your figures and {2} layers or features; change or delete those citations first.</source>
        <translation>На источник {0} ссылаются ваши показатели ({1}) и слои или объекты ({2}); сначала измените или удалите эти ссылки.</translation>
    </message>
    <message>
        <source>The indicator “{0}” is used by a figure: change or delete that figure first.</source>
        <translation>Индикатор «{0}» используется в показателе: сначала измените или удалите этот показатель.</translation>
    </message>
    <message>
        <source>An indicator named “{0}” is in the project already.</source>
        <translation>Индикатор «{0}» уже есть в проекте.</translation>
    </message>
    <message>
        <source>A source needs a title.</source>
        <translation>У источника должно быть название.</translation>
    </message>
    <message>
        <source>The names of the source&apos;s authors or editors cannot be read.</source>
        <translation>Не удаётся прочитать имена авторов или редакторов источника.</translation>
    </message>
    <message>
        <source>A date of the source cannot be read as a year, a month and a day.</source>
        <translation>Одну из дат источника не удаётся прочитать как год, месяц и день.</translation>
    </message>
    <message>
        <source>The entry has no key.</source>
        <translation>У записи нет ключа.</translation>
    </message>
    <message>
        <source>The entry is not a record.</source>
        <translation>Запись не является библиографической записью.</translation>
    </message>
    <message>
        <source>The date must be YYYY, YYYY-MM or YYYY-MM-DD (or a range, 2019/2021).</source>
        <translation>Дата должна быть ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (или диапазон, 2019/2021).</translation>
    </message>
    <message>
        <source>The figure&apos;s confirmation must be: checked against the source, only as the seed text says it, or not applicable.</source>
        <translation>Подтверждение показателя должно быть одним из: сверено с источником, только как в исходном тексте, неприменимо.</translation>
    </message>
    <message>
        <source>Whether the figure is an estimate must be yes or no.</source>
        <translation>Является ли показатель оценкой, должно быть указано как «да» или «нет».</translation>
    </message>
    <message>
        <source>The value is not a number: say in the note what it means.</source>
        <translation>Значение не число: поясните в примечании, что оно означает.</translation>
    </message>
    <message>
        <source>The figure&apos;s source is not among the atlas&apos;s or the project&apos;s sources (was it removed?).</source>
        <translation>Источника показателя нет ни среди источников атласа, ни среди источников проекта (возможно, он удалён?).</translation>
    </message>
    <message>
        <source>Name the new indicator in at least one language.</source>
        <translation>Назовите новый индикатор хотя бы на одном языке.</translation>
    </message>
    <message>
        <source>The link “{0}” is not a web address (one that starts with http:// or https://).</source>
        <translation>Ссылка «{0}» не является веб-адресом (он начинается с http:// или https://).</translation>
    </message>
    <message>
        <source>The DOI “{0}” is not a DOI (one looks like 10.1234/abcd).</source>
        <translation>«{0}» не является DOI (DOI имеет вид 10.1234/abcd).</translation>
    </message>
    <message>
        <source>A text is longer than {0} characters.</source>
        <translation>Один из текстов длиннее {0} символов.</translation>
    </message>
    <message>
        <source>The value {0} is not a finite number.</source>
        <translation>Значение {0} не является конечным числом.</translation>
    </message>
    <message>
        <source>The indicator cannot be kept: its name or its unit cannot be read.</source>
        <translation>Индикатор нельзя сохранить: не удаётся прочитать его название или единицу измерения.</translation>
    </message>
    <message>
        <source>This change breaks the atlas&apos;s rules for sources and figures and was not made.</source>
        <translation>Это изменение нарушает правила атласа для источников и показателей и не было внесено.</translation>
    </message>
    <message>
        <source>{0}: not a bibliography the atlas reads (CSL-JSON, BibTeX or RIS).</source>
        <translation>{0}: это не библиография в формате, который читает атлас (CSL-JSON, BibTeX или RIS).</translation>
    </message>
    <message>
        <source>{0}: not UTF-8 text; export it from the reference manager as UTF-8.</source>
        <translation>{0}: это не текст UTF-8; экспортируйте файл из менеджера библиографии в UTF-8.</translation>
    </message>
    <message>
        <source>{0}: not valid CSL-JSON.</source>
        <translation>{0}: некорректный CSL-JSON.</translation>
    </message>
    <message>
        <source>{0}: CSL-JSON must be a list of items.</source>
        <translation>{0}: CSL-JSON должен быть списком записей.</translation>
    </message>
    <message>
        <source>{0}: cannot be read as BibTeX.</source>
        <translation>{0}: не удаётся прочитать как BibTeX.</translation>
    </message>
    <message>
        <source>{0}: no RIS entries (each starts with “TY  - ”).</source>
        <translation>{0}: нет записей RIS (каждая начинается с «TY  - »).</translation>
    </message>
    <message>
        <source>{0}: the bibliography cannot be read.</source>
        <translation>{0}: библиографию не удаётся прочитать.</translation>
    </message>
    <message>
        <source>{0}: {1} entries; only the first {2} are read.</source>
        <translation>{0}: записей: {1}; читаются только первые {2}.</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>без ключа</translation>
    </message>
    <message>
        <source>{0}: entry {1} ({2}) skipped: {3}</source>
        <translation>{0}: запись {1} ({2}) пропущена: {3}</translation>
    </message>
    <message>
        <source>{0}: entry {1} skipped: it is not a record.</source>
        <translation>{0}: запись {1} пропущена: это не библиографическая запись.</translation>
    </message>
    <message>
        <source>{0}: the entry at line {1} could not be read.</source>
        <translation>{0}: запись в строке {1} не удалось прочитать.</translation>
    </message>
    <message>
        <source>{0}: entry {1} could not be read.</source>
        <translation>{0}: запись {1} не удалось прочитать.</translation>
    </message>
    <message>
        <source>{0}: an entry could not be read.</source>
        <translation>{0}: одну из записей не удалось прочитать.</translation>
    </message>
    <message>
        <source>This layer holds points: draw a point.</source>
        <translation>Этот слой содержит точки: нарисуйте точку.</translation>
    </message>
    <message>
        <source>This layer holds lines: draw a line.</source>
        <translation>Этот слой содержит линии: нарисуйте линию.</translation>
    </message>
    <message>
        <source>This layer holds areas: draw an area.</source>
        <translation>Этот слой содержит области: нарисуйте область.</translation>
    </message>
    <message>
        <source>The shape drawn is not of this layer&apos;s kind.</source>
        <translation>Нарисованная фигура не того вида, что объекты слоя.</translation>
    </message>
    <message>
        <source>The field name “{0}…” is longer than 64 characters.</source>
        <translation>Название поля «{0}…» длиннее 64 символов.</translation>
    </message>
    <message>
        <source>({0}, {1}) is not a place on the Earth.</source>
        <translation>({0}, {1}) — это не место на Земле.</translation>
    </message>
    <message>
        <source>{0} of the ticked sources are not among the atlas&apos;s or the project&apos;s sources.</source>
        <translation>Отмеченных источников, которых нет ни в атласе, ни в проекте: {0}.</translation>
    </message>
    <message>
        <source>Give the new layer a title.</source>
        <translation>Дайте новому слою название.</translation>
    </message>
    <message>
        <source>A layer holds points, lines or areas.</source>
        <translation>Слой содержит точки, линии или области.</translation>
    </message>
    <message>
        <source>“id” is the atlas&apos;s own field: choose another name.</source>
        <translation>«id» — собственное поле атласа: выберите другое название.</translation>
    </message>
    <message>
        <source>A point of the shape is not a longitude and a latitude.</source>
        <translation>Одна из точек фигуры не является долготой и широтой.</translation>
    </message>
    <message>
        <source>A line needs at least two different points.</source>
        <translation>Для линии нужны хотя бы две разные точки.</translation>
    </message>
    <message>
        <source>An area needs at least three different corners.</source>
        <translation>Для области нужны хотя бы три разные вершины.</translation>
    </message>
    <message>
        <source>The shape drawn cannot be read.</source>
        <translation>Нарисованную фигуру не удаётся прочитать.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search places, enclaves, missions, incidents…</source>
        <translation>Поиск мест, анклавов, миссий, инцидентов…</translation>
    </message>
    <message>
        <source>Names in English, Russian or Kazakh; Cyrillic or Latin (Osh, Ош)</source>
        <translation>Названия на английском, русском или казахском языке; кириллицей или латиницей (Osh, Ош)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Type a name, then choose a result with the arrow keys and Enter</source>
        <translation>Введите название, затем выберите результат стрелками и клавишей ввода</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>Still reading layers ({0} of {1})…</source>
        <translation>Слои ещё читаются ({0} из {1})…</translation>
    </message>
</context>
<context>
    <name>SlideController</name>
    <message>
        <source>Show the slide&apos;s annotations</source>
        <translation>Показ аннотаций слайда</translation>
    </message>
    <message>
        <source>No slides to export.</source>
        <translation>Нет слайдов для экспорта.</translation>
    </message>
    <message>
        <source>Slides not exported</source>
        <translation>Слайды не экспортированы</translation>
    </message>
    <message>
        <source>Export slides to PDF</source>
        <translation>Экспорт слайдов в PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote {0} pages to {1}</source>
        <translation>Сохранено страниц: {0} ({1})</translation>
    </message>
    <message>
        <source>Export slides as PNG images</source>
        <translation>Экспорт слайдов в изображения PNG</translation>
    </message>
    <message>
        <source>Wrote {0} images to {1}</source>
        <translation>Сохранено изображений: {0} ({1})</translation>
    </message>
    <message>
        <source>No slides to present: add one from the current view first.</source>
        <translation>Нет слайдов для показа: сначала добавьте слайд из текущего вида.</translation>
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
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Speaker notes</source>
        <translation>Заметки докладчика</translation>
    </message>
</context>
<context>
    <name>SlideExport</name>
    <message>
        <source>Slide {0} of {1}</source>
        <translation>Слайд {0} из {1}</translation>
    </message>
</context>
<context>
    <name>SlidesPanel</name>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a slide from the current view</source>
        <translation>Добавить слайд из текущего вида</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Replace the selected slide&apos;s view with the current one</source>
        <translation>Заменить вид выбранного слайда текущим</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Edit the caption and speaker notes</source>
        <translation>Изменить подпись и заметки докладчика</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the selected slide</source>
        <translation>Удалить выбранный слайд</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Показ</translation>
    </message>
    <message>
        <source>Start the presentation at the selected slide (Shift+F5)</source>
        <translation>Начать показ с выбранного слайда (Shift+F5)</translation>
    </message>
    <message>
        <source>(no caption)</source>
        <translation>(без подписи)</translation>
    </message>
    <message>
        <source>Delete slide</source>
        <translation>Удалить слайд</translation>
    </message>
    <message>
        <source>Delete slide {0}?</source>
        <translation>Удалить слайд «{0}»?</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>Статья в журнале</translation>
    </message>
    <message>
        <source>News article</source>
        <translation>Статья в СМИ</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Книга</translation>
    </message>
    <message>
        <source>Book chapter</source>
        <translation>Глава книги</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Доклад</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Веб-страница</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>Law or decree</source>
        <translation>Закон или указ</translation>
    </message>
    <message>
        <source>Treaty</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>Диссертация</translation>
    </message>
    <message>
        <source>Conference paper</source>
        <translation>Доклад на конференции</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Другой документ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Авторы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Journal, site or book</source>
        <translation>Журнал, сайт или книга</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Link (URL)</source>
        <translation>Ссылка (URL)</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Translated title</source>
        <translation>Перевод названия</translation>
    </message>
    <message>
        <source>One a line: Family, Given — or an organisation as written</source>
        <translation>По одному в строке: Фамилия, Имя — или организация как написано</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>The title in English, if the source gives one</source>
        <translation>Название по-английски, если источник его даёт</translation>
    </message>
    <message>
        <source>Give the source&apos;s title.</source>
        <translation>Укажите название источника.</translation>
    </message>
    <message>
        <source>The date must be a year (2024), a month (2024-06) or a day (2024-06-30).</source>
        <translation>Дата должна быть годом (2024), месяцем (2024-06) или днём (2024-06-30).</translation>
    </message>
    <message>
        <source>The link must be a web address that starts with http:// or https://.</source>
        <translation>Ссылка должна быть веб-адресом, начинающимся с http:// или https://.</translation>
    </message>
    <message>
        <source>The DOI must look like 10.1234/abcd (with or without https://doi.org/).</source>
        <translation>DOI должен выглядеть как 10.1234/abcd (с https://doi.org/ или без).</translation>
    </message>
    <message>
        <source>This source cannot be kept: {0}</source>
        <translation>Этот источник нельзя сохранить: {0}</translation>
    </message>
</context>
<context>
    <name>SourcePicker</name>
    <message>
        <source>The source that states it:</source>
        <translation>Источник, где это сказано:</translation>
    </message>
    <message>
        <source>Sources (tick each one that states it):</source>
        <translation>Источники (отметьте каждый, где это сказано):</translation>
    </message>
    <message>
        <source>Filter the sources…</source>
        <translation>Фильтр источников…</translation>
    </message>
    <message>
        <source>Filter the sources</source>
        <translation>Фильтр источников</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>New source…</source>
        <translation>Новый источник…</translation>
    </message>
    <message>
        <source>(yours)</source>
        <translation>(ваш)</translation>
    </message>
</context>
<context>
    <name>SourcesPanel</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the selected references (all, if none is selected)</source>
        <translation>Скопировать выбранные ссылки (все, если ничего не выбрано)</translation>
    </message>
    <message>
        <source>BibTeX…</source>
        <translation>BibTeX…</translation>
    </message>
    <message>
        <source>Export these sources as BibTeX (.bib)</source>
        <translation>Экспортировать эти источники в формате BibTeX (.bib)</translation>
    </message>
    <message>
        <source>RIS…</source>
        <translation>RIS…</translation>
    </message>
    <message>
        <source>Export these sources as RIS (.ris) for Zotero or EndNote</source>
        <translation>Экспортировать эти источники в формате RIS (.ris) для Zotero или EndNote</translation>
    </message>
    <message>
        <source>Double-click a source with a link to open it in the web browser</source>
        <translation>Дважды щёлкните источник со ссылкой, чтобы открыть его в веб-браузере</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Import a bibliography: CSL-JSON, BibTeX or RIS</source>
        <translation>Импорт библиографии: CSL-JSON, BibTeX или RIS</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Add a source by hand</source>
        <translation>Добавить источник вручную</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Change the selected source (only your own)</source>
        <translation>Изменить выбранный источник (только свой)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove the selected source (only your own)</source>
        <translation>Убрать выбранный источник (только свой)</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Ещё…</translation>
    </message>
    <message>
        <source>Export the sources of this map or of the project, or the figures with their sources</source>
        <translation>Экспорт источников этой карты или проекта либо показателей с источниками</translation>
    </message>
    <message>
        <source>Your own source</source>
        <translation>Ваш источник</translation>
    </message>
    <message>
        <source>Cited in this project</source>
        <translation>Указано в этом проекте</translation>
    </message>
    <message>
        <source>{0} sources of the {1} visible layers ({2})</source>
        <translation>Источников: {0}, видимых слоёв: {1} ({2})</translation>
    </message>
    <message>
        <source>and {0} of your own</source>
        <translation>и ваших: {0}</translation>
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
        <translation>Экспорт источников</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>Не удалось записать {0}: {1}</translation>
    </message>
</context>
<context>
    <name>SpeakerNotes</name>
    <message>
        <source>Speaker notes</source>
        <translation>Заметки докладчика</translation>
    </message>
    <message>
        <source>Slide {0} of {1}</source>
        <translation>Слайд {0} из {1}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Далее: {0}</translation>
    </message>
</context>
<context>
    <name>StatsPanel</name>
    <message>
        <source>Defence spending 2023 (USD million)</source>
        <translation>Военные расходы, 2023 (млн долл. США)</translation>
    </message>
    <message>
        <source>Defence spending 2023 (% of GDP)</source>
        <translation>Военные расходы, 2023 (% ВВП)</translation>
    </message>
    <message>
        <source>UN peacekeepers (troops and police) by contributor</source>
        <translation>Миротворцы ООН (военные и полицейские) по странам-поставщикам</translation>
    </message>
    <message>
        <source>Drugs seized in 2021 (tonnes)</source>
        <translation>Изъятия наркотиков в 2021 г. (т)</translation>
    </message>
    <message>
        <source>People killed in conflict incidents, by year</source>
        <translation>Погибшие в вооружённых инцидентах, по годам</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>По данным источников</translation>
    </message>
    <message>
        <source>ASEAN states</source>
        <translation>Страны АСЕАН</translation>
    </message>
    <message>
        <source>China</source>
        <translation>Китай</translation>
    </message>
    <message>
        <source>Kyrgyz side</source>
        <translation>Кыргызская сторона</translation>
    </message>
    <message>
        <source>Tajik side</source>
        <translation>Таджикская сторона</translation>
    </message>
    <message>
        <source>Total (one source)</source>
        <translation>Всего (один источник)</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the chart and its sources as a PNG image</source>
        <translation>Сохранить диаграмму вместе с источниками как изображение PNG</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the chart and its sources as an SVG drawing</source>
        <translation>Сохранить диаграмму вместе с источниками как векторный рисунок SVG</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Диаграмма</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>This chart cannot be drawn: {0}</source>
        <translation>Не удаётся построить эту диаграмму: {0}</translation>
    </message>
    <message>
        <source>{0}: no USD figure; {1} of GDP ({2})</source>
        <translation>{0}: нет данных в долларах США; {1} ВВП ({2})</translation>
    </message>
    <message>
        <source>{0}: no share of GDP; {1} ({2})</source>
        <translation>{0}: нет доли в ВВП; {1} ({2})</translation>
    </message>
    <message>
        <source>(est.)</source>
        <translation>(оценка)</translation>
    </message>
    <message>
        <source>{0}: the sources&apos; latest figure is for {1}, not {2}.</source>
        <translation>{0}: последняя цифра в источниках — за {1}, а не за {2} г.</translation>
    </message>
    <message>
        <source>{0}: no figure in US dollars in the sources; its share of GDP: {1}.</source>
        <translation>{0}: в источниках нет данных в долларах США; доля в ВВП: {1}.</translation>
    </message>
    <message>
        <source>{0}: no share of GDP in the sources; in US dollars: {1}.</source>
        <translation>{0}: в источниках нет доли в ВВП; в долларах США: {1}.</translation>
    </message>
    <message>
        <source>Kazakhstan: no UN personnel count in the sources; a UN mandate allows it {0}.</source>
        <translation>Казахстан: в источниках нет численности его персонала в миссиях ООН; мандат ООН допускает не более {0}.</translation>
    </message>
    <message>
        <source>{0}: no figure</source>
        <translation>{0}: нет данных</translation>
    </message>
    <message>
        <source>Top five contributors (November 2023)</source>
        <translation>Пять крупнейших стран-поставщиков (ноябрь 2023 г.)</translation>
    </message>
    <message>
        <source>Sources: {0}</source>
        <translation>Источники: {0}</translation>
    </message>
    <message>
        <source>Estimates (pale bars, “est.”): {0}.</source>
        <translation>Оценки (бледные столбцы, «оценка»): {0}.</translation>
    </message>
    <message>
        <source>≠ Sources disagree on {0}: {1}.</source>
        <translation>≠ {0}: данные источников расходятся — {1}.</translation>
    </message>
    <message>
        <source>No figure in the sources for: {0}.</source>
        <translation>В источниках нет данных: {0}.</translation>
    </message>
    <message>
        <source>Kazakhstan has no 2023 figure of its own in the sources; Kazakhstan, Kyrgyzstan and Tajikistan together: {0}.</source>
        <translation>В источниках нет отдельной цифры по Казахстану за 2023 г.; Казахстан, Кыргызстан и Таджикистан вместе: {0}.</translation>
    </message>
    <message>
        <source>{0}: the sides (one source) and the total (another source) are separate figures, not a sum.</source>
        <translation>{0}: данные по сторонам (один источник) и общее число (другой источник) — отдельные цифры, а не сумма.</translation>
    </message>
    <message>
        <source>Incidents with no casualty figure in the sources: {0}.</source>
        <translation>Инциденты, по которым в источниках нет числа погибших: {0}.</translation>
    </message>
    <message>
        <source>2010: bodies counted by the national commission: {0}.</source>
        <translation>2010: число тел, учтённых национальной комиссией: {0}.</translation>
    </message>
    <message>
        <source>As the sources put it: {0}.</source>
        <translation>Как указано в источниках: {0}.</translation>
    </message>
    <message>
        <source>&gt; more than, ≈ about, as the sources put it.</source>
        <translation>&gt; — более, ≈ — около (как указано в источниках).</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Векторный рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Сохранить диаграмму</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Could not write {0}</source>
        <translation>Не удалось записать {0}</translation>
    </message>
</context>
<context>
    <name>StyleEditor</name>
    <message>
        <source>Single symbol</source>
        <translation>Один символ</translation>
    </message>
    <message>
        <source>Categories by a field</source>
        <translation>Категории по полю</translation>
    </message>
    <message>
        <source>Graduated classes</source>
        <translation>Градуированные классы</translation>
    </message>
    <message>
        <source>Quantiles</source>
        <translation>Квантили</translation>
    </message>
    <message>
        <source>Equal intervals</source>
        <translation>Равные интервалы</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Стиль</translation>
    </message>
    <message>
        <source>Colour (#rrggbb)</source>
        <translation>Цвет (#rrggbb)</translation>
    </message>
    <message>
        <source>Outline (#rrggbb)</source>
        <translation>Контур (#rrggbb)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Классы</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Границы</translation>
    </message>
    <message>
        <source>Colour ramp</source>
        <translation>Цветовая шкала</translation>
    </message>
    <message>
        <source>Label field</source>
        <translation>Поле подписи</translation>
    </message>
    <message>
        <source>Name field (search, Info)</source>
        <translation>Поле названия (поиск, сведения)</translation>
    </message>
    <message>
        <source>Date field (time filter)</source>
        <translation>Поле даты (фильтр времени)</translation>
    </message>
    <message>
        <source>Popup fields</source>
        <translation>Поля всплывающего окна</translation>
    </message>
    <message>
        <source>Style of {0}</source>
        <translation>Стиль слоя {0}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>{0} is not a colour written #rrggbb</source>
        <translation>{0} — не цвет вида #rrggbb</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Digitise features</source>
        <translation>Оцифровка объектов</translation>
    </message>
    <message>
        <source>Draw into a &amp;new layer</source>
        <translation>Рисовать в &amp;новый слой</translation>
    </message>
    <message>
        <source>Draw into an &amp;existing layer of mine</source>
        <translation>Рисовать в &amp;имеющийся мой слой</translation>
    </message>
    <message>
        <source>Layer title:</source>
        <translation>Название слоя:</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>Содержит:</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>Поля:</translation>
    </message>
    <message>
        <source>The attribute fields, separated by commas</source>
        <translation>Поля атрибутов через запятую</translation>
    </message>
    <message>
        <source>Each feature has a date (the time filter reads it)</source>
        <translation>У каждого объекта есть дата (её читает фильтр времени)</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Слой:</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Линии</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>Полигоны</translation>
    </message>
    <message>
        <source>Give the new layer a title.</source>
        <translation>Дайте новому слою название.</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <source>No team server answers at {0}. Check the server name and port, and that the server is running and accepts connections from this computer.
({1})</source>
        <translation>По адресу {0} командный сервер не отвечает. Проверьте имя сервера и порт, а также что сервер запущен и принимает подключения с этого компьютера.
({1})</translation>
    </message>
    <message>
        <source>The server refused the user name or the password for {0}. Type the password again, or check the user name.
({1})</source>
        <translation>Сервер не принял имя пользователя или пароль для {0}. Введите пароль ещё раз или проверьте имя пользователя.
({1})</translation>
    </message>
    <message>
        <source>Could not connect: {0}</source>
        <translation>Не удалось подключиться: {0}</translation>
    </message>
    <message>
        <source>This workspace was set up by a newer atlas (schema {0}; this atlas knows {1}): update the atlas to use it.</source>
        <translation>Это рабочее пространство создано более новым атласом (схема {0}; этот атлас знает {1}): обновите атлас, чтобы работать с ним.</translation>
    </message>
    <message>
        <source>This database has no team workspace yet, or an older one than this atlas needs. An administrator sets it up with the command: gis-app team migrate</source>
        <translation>В этой базе данных ещё нет командного рабочего пространства или оно старее, чем нужно атласу. Администратор создаёт его командой: gis-app team migrate</translation>
    </message>
    <message>
        <source>Set up the team workspace</source>
        <translation>Создание командного рабочего пространства</translation>
    </message>
    <message>
        <source>The database {0} has no team workspace of this atlas version yet. Create or upgrade its tables now? Colleagues connected with an older atlas may need to update.</source>
        <translation>В базе данных {0} ещё нет командного рабочего пространства для этой версии атласа. Создать или обновить его таблицы сейчас? Коллегам со старым атласом, возможно, придётся его обновить.</translation>
    </message>
    <message>
        <source>The workspace was not set up; nothing was changed.</source>
        <translation>Рабочее пространство не создано; ничего не изменено.</translation>
    </message>
    <message>
        <source>The workspace could not be set up (only its administrator may): {0}</source>
        <translation>Не удалось создать рабочее пространство (это может только его администратор): {0}</translation>
    </message>
    <message>
        <source>The server refused the user name or the password.</source>
        <translation>Сервер не принял имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>This database has no team workspace of this atlas version.</source>
        <translation>В этой базе данных нет командного рабочего пространства для этой версии атласа.</translation>
    </message>
    <message>
        <source>A colleague changed this in the team workspace meanwhile; nothing was overwritten.</source>
        <translation>Тем временем коллега изменил это в командном рабочем пространстве; ничего не перезаписано.</translation>
    </message>
    <message>
        <source>The team workspace refused this.</source>
        <translation>Командное рабочее пространство это отклонило.</translation>
    </message>
    <message>
        <source>Your role in this workspace is read-only (student): you can open what colleagues publish, but not publish or change anything.</source>
        <translation>Ваша роль в этом рабочем пространстве — только чтение (студент): вы можете открывать то, что публикуют коллеги, но не публиковать и не изменять.</translation>
    </message>
    <message>
        <source>You are connected as {0}, a student.</source>
        <translation>Вы подключены как {0}, студент.</translation>
    </message>
    <message>
        <source>Sending the queued edits</source>
        <translation>Отправка отложенных изменений</translation>
    </message>
    <message numerus="yes">
        <source>Back online: %n queued edit(s) sent.</source>
        <translation>
            <numerusform>Связь восстановлена: отправлено %n отложенное изменение.</numerusform>
            <numerusform>Связь восстановлена: отправлено %n отложенных изменения.</numerusform>
            <numerusform>Связь восстановлена: отправлено %n отложенных изменений.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve a conflict</source>
        <translation>Разрешение конфликта</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached now; the conflict waits until it is back.</source>
        <translation>Командное рабочее пространство сейчас недоступно; конфликт подождёт, пока связь не восстановится.</translation>
    </message>
    <message>
        <source>Your version was kept.</source>
        <translation>Ваша версия сохранена.</translation>
    </message>
    <message>
        <source>Their version was taken.</source>
        <translation>Принята их версия.</translation>
    </message>
    <message>
        <source>The merged version was saved.</source>
        <translation>Объединённая версия сохранена.</translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n edit(s) queued</source>
        <translation>
            <numerusform>Нет связи — в очереди %n изменение</numerusform>
            <numerusform>Нет связи — в очереди %n изменения</numerusform>
            <numerusform>Нет связи — в очереди %n изменений</numerusform>
        </translation>
    </message>
    <message>
        <source>Team: {0} — read-only</source>
        <translation>Команда: {0} — только чтение</translation>
    </message>
    <message>
        <source>Team: {0}</source>
        <translation>Команда: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n конфликт ждёт решения</numerusform>
            <numerusform>%n конфликта ждут решения</numerusform>
            <numerusform>%n конфликтов ждут решения</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamLecture</name>
    <message>
        <source>Publish the lecture</source>
        <translation>Публикация лекции</translation>
    </message>
    <message>
        <source>Lecture “{0}” published.</source>
        <translation>Лекция «{0}» опубликована.</translation>
    </message>
    <message>
        <source>The workspace cannot be reached: the lecture&apos;s update is queued and sent when it is back.</source>
        <translation>Рабочее пространство недоступно: обновление лекции поставлено в очередь и будет отправлено, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Lecture “{0}” updated in the workspace (version {1}): it was already there, so no copy was made.</source>
        <translation>Лекция «{0}» обновлена в рабочем пространстве (версия {1}): она уже была там, поэтому копия не создана.</translation>
    </message>
    <message>
        <source>Open from the team workspace</source>
        <translation>Открыть из командного рабочего пространства</translation>
    </message>
    <message>
        <source>Change an annotation of the lecture</source>
        <translation>Изменение аннотации лекции</translation>
    </message>
    <message>
        <source>{0} added an annotation at the same moment under the same name: both are kept, yours as “{1}”.</source>
        <translation>{0} в тот же момент добавил(а) аннотацию с тем же именем: сохранены обе, ваша — как «{1}».</translation>
    </message>
    <message>
        <source>This lecture is in another team workspace than the one connected: the change stays in this project only.</source>
        <translation>Эта лекция находится в другом командном рабочем пространстве, не в подключённом: изменение остаётся только в этом проекте.</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached and this atlas cannot keep edits for later: the change is in this project only.</source>
        <translation>Командное рабочее пространство недоступно, а этот атлас не может отложить изменения: изменение есть только в этом проекте.</translation>
    </message>
    <message>
        <source>{0} published a new version of this lecture; publishing yours again shows both to choose.</source>
        <translation>{0} опубликовал(а) новую версию этой лекции; если опубликовать вашу ещё раз, будут показаны обе для выбора.</translation>
    </message>
    <message>
        <source>Could not read the lecture from the workspace</source>
        <translation>Не удалось прочитать лекцию из рабочего пространства</translation>
    </message>
</context>
<context>
    <name>TeamPublisher</name>
    <message>
        <source>Connect to the team workspace first (Team → Connect to team workspace…).</source>
        <translation>Сначала подключитесь к командному рабочему пространству (Команда → Подключиться к командному рабочему пространству…).</translation>
    </message>
    <message>
        <source>Publish a layer</source>
        <translation>Публикация слоя</translation>
    </message>
    <message>
        <source>This project has no layers of its own to publish. Add one with File → Add layer…</source>
        <translation>В этом проекте нет собственных слоёв для публикации. Добавьте слой: Файл → Добавить слой…</translation>
    </message>
    <message>
        <source>Which layer should colleagues see?</source>
        <translation>Какой слой должны увидеть коллеги?</translation>
    </message>
    <message>
        <source>“{0}” is already in the team workspace: its edits are shared as they are made.</source>
        <translation>«{0}» уже в командном рабочем пространстве: его изменения становятся общими сразу.</translation>
    </message>
    <message>
        <source>The layer&apos;s data cannot be read: {0}</source>
        <translation>Данные слоя нельзя прочитать: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Published “{0}”: %n feature(s).</source>
        <translation>
            <numerusform>«{0}» опубликован: %n объект.</numerusform>
            <numerusform>«{0}» опубликован: %n объекта.</numerusform>
            <numerusform>«{0}» опубликован: %n объектов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish the evidence</source>
        <translation>Публикация источников и показателей</translation>
    </message>
    <message>
        <source>This project has no sources or claims of its own to publish.</source>
        <translation>В этом проекте нет собственных источников и показателей для публикации.</translation>
    </message>
    <message>
        <source>Evidence published: {0} added, {1} already there, {2} different from the workspace&apos;s (shown to choose).</source>
        <translation>Источники и показатели опубликованы: {0} добавлено, {1} уже были, {2} отличаются от имеющихся в рабочем пространстве (показаны для выбора).</translation>
    </message>
    <message>
        <source>Open colleagues&apos; evidence</source>
        <translation>Открыть источники и показатели коллег</translation>
    </message>
    <message>
        <source>The project already has all the evidence in the workspace ({0} entries).</source>
        <translation>В проекте уже есть все источники и показатели рабочего пространства (записей: {0}).</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s), figure(s) or indicator(s) of the workspace differ from the project&apos;s entries of the same name.</source>
        <translation>
            <numerusform>%n источник, показатель или индикатор рабочего пространства отличается от одноимённой записи проекта.</numerusform>
            <numerusform>%n источника, показателя или индикатора рабочего пространства отличаются от одноимённых записей проекта.</numerusform>
            <numerusform>%n источников, показателей или индикаторов рабочего пространства отличаются от одноимённых записей проекта.</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep the project&apos;s</source>
        <translation>Оставить проектные</translation>
    </message>
    <message>
        <source>Take the workspace&apos;s</source>
        <translation>Взять из рабочего пространства</translation>
    </message>
    <message>
        <source>open colleagues&apos; evidence</source>
        <translation>открытие источников и показателей коллег</translation>
    </message>
    <message>
        <source>Nothing was added: {0}</source>
        <translation>Ничего не добавлено: {0}</translation>
    </message>
    <message>
        <source>Colleagues&apos; evidence: {0} added, {1} already here, {2} different ({3}).</source>
        <translation>Источники и показатели коллег: добавлено {0}, уже было {1}, отличаются {2} ({3}).</translation>
    </message>
    <message>
        <source>the workspace&apos;s taken</source>
        <translation>взяты из рабочего пространства</translation>
    </message>
    <message>
        <source>the project&apos;s kept</source>
        <translation>оставлены проектные</translation>
    </message>
    <message>
        <source>Publish the lecture</source>
        <translation>Публикация лекции</translation>
    </message>
    <message>
        <source>Name of the lecture in the workspace:</source>
        <translation>Название лекции в рабочем пространстве:</translation>
    </message>
    <message>
        <source>A lecture needs a name.</source>
        <translation>У лекции должно быть название.</translation>
    </message>
    <message>
        <source>A layer&apos;s data cannot be read: {0}</source>
        <translation>Данные одного из слоёв нельзя прочитать: {0}</translation>
    </message>
    <message>
        <source>Open from the team workspace</source>
        <translation>Открыть из командного рабочего пространства</translation>
    </message>
    <message>
        <source>Edit a feature</source>
        <translation>Изменение объекта</translation>
    </message>
    <message>
        <source>Select a feature of a layer opened from the team workspace first.</source>
        <translation>Сначала выберите объект слоя, открытого из командного рабочего пространства.</translation>
    </message>
    <message>
        <source>The team workspace cannot be reached and this atlas cannot keep edits for later: the change was not made.</source>
        <translation>Командное рабочее пространство недоступно, а этот атлас не может отложить изменения: изменение не внесено.</translation>
    </message>
</context>
<context>
    <name>TeamWorkspace</name>
    <message>
        <source>&amp;Connect to team workspace…</source>
        <translation>&amp;Подключиться к командному рабочему пространству…</translation>
    </message>
    <message>
        <source>Open from &amp;workspace…</source>
        <translation>Открыть из &amp;рабочего пространства…</translation>
    </message>
    <message>
        <source>Publish a layer to the workspace…</source>
        <translation>Опубликовать слой в рабочем пространстве…</translation>
    </message>
    <message>
        <source>Publish the project&apos;s evidence</source>
        <translation>Опубликовать источники и показатели проекта</translation>
    </message>
    <message>
        <source>Open colleagues&apos; &amp;evidence…</source>
        <translation>Открыть &amp;источники и показатели коллег…</translation>
    </message>
    <message>
        <source>Publish the lecture to the workspace…</source>
        <translation>Опубликовать лекцию в рабочем пространстве…</translation>
    </message>
    <message>
        <source>Disconnect from the workspace</source>
        <translation>Отключиться от рабочего пространства</translation>
    </message>
    <message>
        <source>Edit the selected workspace feature…</source>
        <translation>Изменить выбранный объект рабочего пространства…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Команда</translation>
    </message>
</context>
<context>
    <name>TimeFilter</name>
    <message>
        <source>Filter dated layers by year</source>
        <translation>Фильтровать слои с датами по годам</translation>
    </message>
    <message>
        <source>Conflict incidents by their dates, UN missions by start year</source>
        <translation>Вооружённые инциденты — по их датам, миссии ООН — по году начала</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>Первый год</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Последний год</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Пауза</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Воспроизвести</translation>
    </message>
    <message>
        <source>Step through the years from the start of the range to its end, showing each year on the map</source>
        <translation>Пройти по годам от начала диапазона до его конца, показывая каждый год на карте</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
</context>
<context>
    <name>UserLayers</name>
    <message>
        <source>&amp;Add layer…</source>
        <translation>&amp;Добавить слой…</translation>
    </message>
    <message>
        <source>Save &amp;bundle…</source>
        <translation>Сохранить &amp;пакет…</translation>
    </message>
    <message>
        <source>Open b&amp;undle…</source>
        <translation>Открыть п&amp;акет…</translation>
    </message>
</context>
<context>
    <name>UserLayersController</name>
    <message>
        <source>A layer&apos;s file is missing</source>
        <translation>Файл слоя не найден</translation>
    </message>
    <message>
        <source>The file of the layer “{0}” cannot be read: {1}</source>
        <translation>Файл слоя «{0}» нельзя прочитать: {1}</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Указать…</translation>
    </message>
    <message>
        <source>Keep it for later</source>
        <translation>Оставить на потом</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Locate {0}</source>
        <translation>Где файл слоя {0}?</translation>
    </message>
    <message>
        <source>That file cannot be used: {0}</source>
        <translation>Этот файл нельзя использовать: {0}</translation>
    </message>
    <message>
        <source>Keep the data in the project</source>
        <translation>Хранить данные в проекте</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Удалить слой</translation>
    </message>
    <message>
        <source>Remove “{0}” from the project? Its file is not touched.</source>
        <translation>Удалить «{0}» из проекта? Сам файл не изменится.</translation>
    </message>
    <message>
        <source>Export layer</source>
        <translation>Экспорт слоя</translation>
    </message>
    <message>
        <source>Export the whole layer or the rows selected in the table?</source>
        <translation>Экспортировать весь слой или выбранные в таблице строки?</translation>
    </message>
    <message>
        <source>Whole layer</source>
        <translation>Весь слой</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s)</source>
        <translation>
            <numerusform>%n выбранная строка</numerusform>
            <numerusform>%n выбранные строки</numerusform>
            <numerusform>%n выбранных строк</numerusform>
        </translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;Shapefile (*.shp)</source>
        <translation>GeoPackage (*.gpkg);;GeoJSON (*.geojson);;Шейп-файл (*.shp)</translation>
    </message>
    <message>
        <source>The layer could not be exported: {0}</source>
        <translation>Слой не удалось экспортировать: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) written to {0}</source>
        <translation>
            <numerusform>%n объект записан в {0}</numerusform>
            <numerusform>%n объекта записаны в {0}</numerusform>
            <numerusform>%n объектов записано в {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>Сохранить пакет</translation>
    </message>
    <message>
        <source>Atlas bundle (*.atlas.zip)</source>
        <translation>Пакет атласа (*.atlas.zip)</translation>
    </message>
    <message>
        <source>The bundle could not be written: {0}</source>
        <translation>Пакет не удалось записать: {0}</translation>
    </message>
    <message>
        <source>Bundle saved: {0}</source>
        <translation>Пакет сохранён: {0}</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>Открыть пакет</translation>
    </message>
    <message>
        <source>The bundle cannot be opened: {0}</source>
        <translation>Пакет нельзя открыть: {0}</translation>
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
        <translation>Экспорт веб-карты</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Веб-страница (*.html)</translation>
    </message>
    <message>
        <source>Web map not written</source>
        <translation>Веб-карта не сохранена</translation>
    </message>
    <message>
        <source>Wrote {0} ({1})</source>
        <translation>Сохранено: {0} ({1})</translation>
    </message>
    <message>
        <source>Web map exported</source>
        <translation>Веб-карта экспортирована</translation>
    </message>
    <message>
        <source>{0} is written: {1}, one file with everything in it. It opens in any current browser, with no network, on a computer or a phone; put it on a course site or a USB stick.</source>
        <translation>{0} сохранён: {1}, всё в одном файле. Он открывается в любом современном браузере без сети, на компьютере или телефоне; его можно выложить на сайт курса или записать на USB-накопитель.</translation>
    </message>
    <message>
        <source>Your own basemap ({0}) is not in it: a tile archive cannot travel inside one page.</source>
        <translation>Вашей базовой карты ({0}) в ней нет: архив тайлов нельзя поместить внутрь одной страницы.</translation>
    </message>
</context>
</TS>
