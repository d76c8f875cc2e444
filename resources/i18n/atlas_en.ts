<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
