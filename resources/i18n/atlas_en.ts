<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>%n field(s) differ (marked). Double-click a value of mine or theirs to put it in the result.</source>
        <translation>
            <numerusform>%n field differs (marked). Double-click a value of mine or theirs to put it in the result.</numerusform>
            <numerusform>%n fields differ (marked). Double-click a value of mine or theirs to put it in the result.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoadNotes</name>
    <message numerus="yes">
        <source>%n character(s) that cannot be stored were replaced by the sign �.</source>
        <translation>
            <numerusform>%n character that cannot be stored was replaced by the sign �.</numerusform>
            <numerusform>%n characters that cannot be stored were replaced by the sign �.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) this atlas does not have were ignored: {0}.</source>
        <translation>
            <numerusform>%n layer this atlas does not have was ignored: {0}.</numerusform>
            <numerusform>%n layers this atlas does not have were ignored: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sources in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Sources in the project: {0}; only the first %n was read.</numerusform>
            <numerusform>Sources in the project: {0}; only the first %n were read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Figures in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Figures in the project: {0}; only the first %n was read.</numerusform>
            <numerusform>Figures in the project: {0}; only the first %n were read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Indicators in the project: {0}; only the first %n were read.</source>
        <translation>
            <numerusform>Indicators in the project: {0}; only the first %n was read.</numerusform>
            <numerusform>Indicators in the project: {0}; only the first %n were read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened {0} with %n note(s): {1}</source>
        <translation>
            <numerusform>Opened {0} with %n note: {1}</numerusform>
            <numerusform>Opened {0} with %n notes: {1}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpenDialog</name>
    <message numerus="yes">
        <source>Layers (%n)</source>
        <translation>
            <numerusform>Layers (%n)</numerusform>
            <numerusform>Layers (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lectures (%n)</source>
        <translation>
            <numerusform>Lectures (%n)</numerusform>
            <numerusform>Lectures (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message numerus="yes">
        <source>%n more unsaved session(s) kept: offered at the next start.</source>
        <translation>
            <numerusform>%n more unsaved session kept: offered at the next start.</numerusform>
            <numerusform>%n more unsaved sessions kept: offered at the next start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message numerus="yes">
        <source>Back online: %n queued edit(s) sent.</source>
        <translation>
            <numerusform>Back online: %n queued edit sent.</numerusform>
            <numerusform>Back online: %n queued edits sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — %n edit(s) queued</source>
        <translation>
            <numerusform>Offline — %n edit queued</numerusform>
            <numerusform>Offline — %n edits queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamPublisher</name>
    <message numerus="yes">
        <source>Published “{0}”: %n feature(s).</source>
        <translation>
            <numerusform>Published “{0}”: %n feature.</numerusform>
            <numerusform>Published “{0}”: %n features.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s), figure(s) or indicator(s) of the workspace differ from the project&apos;s entries of the same name.</source>
        <translation>
            <numerusform>%n source, figure or indicator of the workspace differs from the project&apos;s entry of the same name.</numerusform>
            <numerusform>%n sources, figures or indicators of the workspace differ from the project&apos;s entries of the same name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserLayersController</name>
    <message numerus="yes">
        <source>%n selected row(s)</source>
        <translation>
            <numerusform>%n selected row</numerusform>
            <numerusform>%n selected rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) written to {0}</source>
        <translation>
            <numerusform>%n feature written to {0}</numerusform>
            <numerusform>%n features written to {0}</numerusform>
        </translation>
    </message>
</context>
</TS>
