<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About stemdeck</source>
        <translation>Über stemdeck</translation>
    </message>
    <message>
        <source>stemdeck</source>
        <translation>stemdeck</translation>
    </message>
    <message>
        <source>A multitrack stem player for rehearsal and live use: every stem on its own fader, with mute, solo and pan, and a mix remembered per song.</source>
        <translation>Ein Mehrspur-Stem-Player für Probe und Bühne: jeder Stem auf seinem eigenen Fader, mit Mute, Solo und Panorama, und einer Mischung, die sich jeder Song merkt.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later), with no warranty. It links Rubber Band, qm-dsp and espeak-ng, which are under the GPL as well.</source>
        <translation>Freie Software unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later), ohne Gewährleistung. Sie bindet Rubber Band, qm-dsp und espeak-ng ein, die ebenfalls unter der GPL stehen.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Mix</source>
        <translation>Mischung exportieren</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Where the mix is written (.wav or .flac)</source>
        <translation>Wohin die Mischung geschrieben wird (.wav oder .flac)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>24-bit keeps all the detail of the stems</source>
        <translation>24 Bit erhält alle Details der Stems</translation>
    </message>
    <message>
        <source>Apply the current &amp;tempo and pitch</source>
        <translation>Aktuelles &amp;Tempo und Tonhöhe anwenden</translation>
    </message>
    <message>
        <source>&amp;Loop range only,</source>
        <translation>Nur den &amp;Loop-Bereich,</translation>
    </message>
    <message>
        <source> times</source>
        <translation> Mal</translation>
    </message>
    <message>
        <source>Include the &amp;click</source>
        <translation>&amp;Klick einschließen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>Export &amp;abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>IssueBanner</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show what exactly went wrong with each file</source>
        <translation>Zeigen, was bei jeder Datei genau schiefging</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message>
        <source>Half of the callbacks took less than this</source>
        <translation>Die Hälfte der Callbacks brauchte weniger als das</translation>
    </message>
    <message>
        <source>Median callback</source>
        <translation>Median-Callback</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>All but 1 in 100 callbacks took less than this</source>
        <translation>Alle Callbacks bis auf 1 von 100 brauchten weniger als das</translation>
    </message>
    <message>
        <source>99th percentile</source>
        <translation>99. Perzentil</translation>
    </message>
    <message>
        <source>The slowest callback measured</source>
        <translation>Der langsamste gemessene Callback</translation>
    </message>
    <message>
        <source>Worst callback</source>
        <translation>Schlechtester Callback</translation>
    </message>
    <message>
        <source>The time one block of audio lasts: a callback must finish well within it</source>
        <translation>Die Dauer eines Audioblocks: ein Callback muss deutlich darin fertig werden</translation>
    </message>
    <message>
        <source>Budget per block</source>
        <translation>Budget pro Block</translation>
    </message>
    <message>
        <source>Mean callback time over the budget. Green below 50 %, orange below 80 %, red above</source>
        <translation>Mittlere Callback-Zeit im Verhältnis zum Budget. Grün unter 50 %, orange unter 80 %, rot darüber</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Times the sound card ran out of audio (heard as a click or dropout)</source>
        <translation>Wie oft der Soundkarte das Audio ausging (hörbar als Knackser oder Aussetzer)</translation>
    </message>
    <message>
        <source>Underflows</source>
        <translation>Unterläufe</translation>
    </message>
    <message>
        <source>Callbacks that used more than 80 % of their budget</source>
        <translation>Callbacks, die mehr als 80 % ihres Budgets brauchten</translation>
    </message>
    <message>
        <source>Late callbacks</source>
        <translation>Späte Callbacks</translation>
    </message>
    <message>
        <source>Callbacks measured since the monitor was switched on or reset</source>
        <translation>Gemessene Callbacks seit dem Einschalten oder Zurücksetzen des Monitors</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <source>Delay from the mixer to the speakers, as the device reports it</source>
        <translation>Verzögerung vom Mischer bis zu den Lautsprechern, wie das Gerät sie meldet</translation>
    </message>
    <message>
        <source>Output latency</source>
        <translation>Ausgangslatenz</translation>
    </message>
    <message>
        <source>Block size and sample rate of the open stream</source>
        <translation>Blockgröße und Abtastrate des offenen Streams</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Load, last minute</source>
        <translation>Last, letzte Minute</translation>
    </message>
    <message>
        <source>Start the figures over from now</source>
        <translation>Die Werte ab jetzt neu beginnen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
</context>
<context>
    <name>LoadMessages</name>
    <message>
        <source>is damaged or not audio</source>
        <translation>ist beschädigt oder kein Audio</translation>
    </message>
    <message>
        <source>are damaged or not audio</source>
        <translation>sind beschädigt oder kein Audio</translation>
    </message>
    <message>
        <source>holds no audio</source>
        <translation>enthält kein Audio</translation>
    </message>
    <message>
        <source>hold no audio</source>
        <translation>enthalten kein Audio</translation>
    </message>
    <message>
        <source>could not be opened (no permission to read it)</source>
        <translation>konnte nicht geöffnet werden (keine Leseberechtigung)</translation>
    </message>
    <message>
        <source>could not be opened (no permission to read them)</source>
        <translation>konnten nicht geöffnet werden (keine Leseberechtigung)</translation>
    </message>
    <message>
        <source>did not fit in the memory that is free</source>
        <translation>passte nicht in den freien Speicher</translation>
    </message>
    <message>
        <source>uses a sample rate stemdeck cannot play</source>
        <translation>hat eine Abtastrate, die stemdeck nicht abspielen kann</translation>
    </message>
    <message>
        <source>use a sample rate stemdeck cannot play</source>
        <translation>haben eine Abtastrate, die stemdeck nicht abspielen kann</translation>
    </message>
    <message>
        <source>could not be played</source>
        <translation>konnte nicht abgespielt werden</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) %1</source>
        <translation><numerusform>%n Datei %1</numerusform><numerusform>%n Dateien %1</numerusform></translation>
    </message>
    <message>
        <source>The song folder %1 is not there (moved, renamed or on a drive that is not connected?).</source>
        <translation>Der Songordner %1 ist nicht da (verschoben, umbenannt oder auf einem nicht angeschlossenen Laufwerk?).</translation>
    </message>
    <message>
        <source>%1 is a file, not a song: a song is a folder of audio files, one per stem.</source>
        <translation>%1 ist eine Datei, kein Song: ein Song ist ein Ordner mit Audiodateien, eine pro Stem.</translation>
    </message>
    <message>
        <source>None of the files in %1 could be played. %2.</source>
        <translation>Keine der Dateien in %1 konnte abgespielt werden. %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has no audio files; %n other file(s) (documents, pictures …) were left out.</source>
        <translation><numerusform>%1 enthält keine Audiodateien; %n andere Datei (Dokumente, Bilder …) wurde ausgelassen.</numerusform><numerusform>%1 enthält keine Audiodateien; %n andere Dateien (Dokumente, Bilder …) wurden ausgelassen.</numerusform></translation>
    </message>
    <message>
        <source>%1 has no audio files.</source>
        <translation>%1 enthält keine Audiodateien.</translation>
    </message>
    <message>
        <source>%1 needs more memory than is free right now. Close other programs, or use fewer or shorter stems.</source>
        <translation>%1 braucht mehr Speicher, als gerade frei ist. Andere Programme schließen oder weniger bzw. kürzere Stems verwenden.</translation>
    </message>
    <message>
        <source>The song folder %1 could not be read.</source>
        <translation>Der Songordner %1 konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>%1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 was left out of %2: it %3.</source>
        <translation>%1 wurde in %2 ausgelassen: die Datei %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 were left out (%2): %3.</source>
        <translation><numerusform>%n Datei von %1 wurde ausgelassen (%2): %3.</numerusform><numerusform>%n Dateien von %1 wurden ausgelassen (%2): %3.</numerusform></translation>
    </message>
    <message>
        <source>Some stems of %1 play, but not quite as their files say (%2).</source>
        <translation>Einige Stems von %1 spielen, aber nicht ganz so, wie ihre Dateien es angeben (%2).</translation>
    </message>
    <message>
        <source>%1 of %2 could not be read to its end (it %3): it plays as far as it was read, then is silent.</source>
        <translation>%1 von %2 konnte nicht bis zum Ende gelesen werden (die Datei %3): sie spielt, so weit sie gelesen wurde, danach ist Stille.</translation>
    </message>
    <message numerus="yes">
        <source>%n stem(s) of %1 could not be read to their end (%2): they play as far as they were read, then are silent.</source>
        <translation><numerusform>%n Stem von %1 konnte nicht bis zum Ende gelesen werden (%2): er spielt, so weit er gelesen wurde, danach ist Stille.</numerusform><numerusform>%n Stems von %1 konnten nicht bis zum Ende gelesen werden (%2): sie spielen, so weit sie gelesen wurden, danach ist Stille.</numerusform></translation>
    </message>
    <message>
        <source>Part of the mix saved for this song could not be used; those settings are back at their defaults.</source>
        <translation>Ein Teil der für diesen Song gespeicherten Mischung war nicht verwendbar; diese Einstellungen sind wieder auf Standard.</translation>
    </message>
    <message>
        <source>The mix saved for this song could not be used; it is back at its defaults.</source>
        <translation>Die für diesen Song gespeicherte Mischung war nicht verwendbar; sie ist wieder auf Standard.</translation>
    </message>
    <message>
        <source>Some of the markers saved for this song could not be read; the others are shown.</source>
        <translation>Einige der für diesen Song gespeicherten Marker waren nicht lesbar; die anderen werden angezeigt.</translation>
    </message>
    <message>
        <source>The markers saved for this song could not be read; new markers can be added as usual.</source>
        <translation>Die für diesen Song gespeicherten Marker waren nicht lesbar; neue Marker lassen sich wie gewohnt setzen.</translation>
    </message>
    <message>
        <source>Part of the song's meta.json could not be used; the click uses its own tempo or time signature instead.</source>
        <translation>Ein Teil der meta.json des Songs war nicht verwendbar; der Klick nutzt stattdessen sein eigenes Tempo bzw. seine eigene Taktart.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>stemdeck</source>
        <translation>stemdeck</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Markers</source>
        <translation>&amp;Marker</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Latency monitor</source>
        <translation>Latenzmonitor</translation>
    </message>
    <message>
        <source>&amp;Open Song…</source>
        <translation>Song ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a song folder</source>
        <translation>Einen Songordner öffnen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Quit stemdeck</source>
        <translation>stemdeck beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Abspielen oder pausieren</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop and return to the start</source>
        <translation>Anhalten und zum Anfang zurück</translation>
    </message>
    <message>
        <source>Back to S&amp;tart</source>
        <translation>Zum &amp;Anfang</translation>
    </message>
    <message>
        <source>Jump to the start of the song</source>
        <translation>Zum Anfang des Songs springen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>5 Sekunden zurück</translation>
    </message>
    <message>
        <source>Jump back 5 seconds</source>
        <translation>5 Sekunden zurückspringen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>5 Sekunden vor</translation>
    </message>
    <message>
        <source>Jump forward 5 seconds</source>
        <translation>5 Sekunden vorspringen</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Back 1 Second</source>
        <translation>1 Sekunde zurück</translation>
    </message>
    <message>
        <source>Jump back 1 second</source>
        <translation>1 Sekunde zurückspringen</translation>
    </message>
    <message>
        <source>Shift+Left</source>
        <translation>Shift+Left</translation>
    </message>
    <message>
        <source>Forward 1 Second</source>
        <translation>1 Sekunde vor</translation>
    </message>
    <message>
        <source>Jump forward 1 second</source>
        <translation>1 Sekunde vorspringen</translation>
    </message>
    <message>
        <source>Shift+Right</source>
        <translation>Shift+Right</translation>
    </message>
    <message>
        <source>Set Loop Start (&amp;A)</source>
        <translation>Loop-Anfang setzen (&amp;A)</translation>
    </message>
    <message>
        <source>Loop from the play position</source>
        <translation>Loop ab der Abspielposition</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>Set Loop End (&amp;B)</source>
        <translation>Loop-Ende setzen (&amp;B)</translation>
    </message>
    <message>
        <source>Loop up to the play position, and switch looping on</source>
        <translation>Loop bis zur Abspielposition, und Loop einschalten</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Loop</translation>
    </message>
    <message>
        <source>Loop between A and B (drag on the ruler, or Shift+drag on the timeline, to mark them)</source>
        <translation>Loop zwischen A und B (zum Setzen auf dem Lineal ziehen, oder Umschalt+Ziehen auf der Zeitleiste)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>&amp;Clear Loop</source>
        <translation>Loop &amp;löschen</translation>
    </message>
    <message>
        <source>Forget A and B</source>
        <translation>A und B vergessen</translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation>Shift+L</translation>
    </message>
    <message>
        <source>&amp;Add Marker</source>
        <translation>Marker &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a marker at the play position (double-click its flag to rename it)</source>
        <translation>Einen Marker an der Abspielposition setzen (Doppelklick auf seine Fahne benennt ihn um)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Jump at &amp;Next Bar</source>
        <translation>Beim &amp;nächsten Takt springen</translation>
    </message>
    <message>
        <source>Marker jumps wait for the next bar line (of the click's tempo and meter)</source>
        <translation>Marker-Sprünge warten auf den nächsten Taktstrich (nach Tempo und Taktart des Klicks)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom into the timeline</source>
        <translation>In die Zeitleiste hineinzoomen</translation>
    </message>
    <message>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Zoom out of the timeline</source>
        <translation>Aus der Zeitleiste herauszoomen</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>Show the whole song</source>
        <translation>Den ganzen Song zeigen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Latency Monitor</source>
        <translation>&amp;Latenzmonitor</translation>
    </message>
    <message>
        <source>Show how long the audio callback takes</source>
        <translation>Zeigen, wie lange der Audio-Callback braucht</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Audio Settings…</source>
        <translation>&amp;Audioeinstellungen…</translation>
    </message>
    <message>
        <source>Output device, sample rate, block size</source>
        <translation>Ausgabegerät, Abtastrate, Blockgröße</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Reset Mix</source>
        <translation>Mischung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Every stem to 0 dB, centred, unmuted and unsoloed, and the master to 0 dB (Undo brings the mix back)</source>
        <translation>Jeder Stem auf 0 dB, mittig, ohne Mute und Solo, und der Master auf 0 dB (Rückgängig holt die Mischung zurück)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key of stemdeck</source>
        <translation>Alle Tasten von stemdeck</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About stemdeck</source>
        <translation>Ü&amp;ber stemdeck</translation>
    </message>
    <message>
        <source>Versions of stemdeck and its libraries</source>
        <translation>Versionen von stemdeck und seinen Bibliotheken</translation>
    </message>
</context>
<context>
    <name>MasterStrip</name>
    <message>
        <source>Master</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>Highest output peak in the last moments (dBFS)</source>
        <translation>Höchste Ausgangsspitze der letzten Augenblicke (dBFS)</translation>
    </message>
    <message>
        <source>peak -∞</source>
        <translation>Spitze -∞</translation>
    </message>
    <message>
        <source>Master volume (double-click for 0 dB)</source>
        <translation>Master-Lautstärke (Doppelklick für 0 dB)</translation>
    </message>
    <message>
        <source>0.0 dB</source>
        <translation>0.0 dB</translation>
    </message>
</context>
<context>
    <name>MixerPanel</name>
    <message>
        <source>Open a song folder with File › Open, or drop it on this window.</source>
        <translation>Einen Songordner mit Datei › Öffnen öffnen oder auf dieses Fenster ziehen.</translation>
    </message>
    <message>
        <source>Mixer</source>
        <translation>Mischpult</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>entry %1 (%2)</source>
        <translation>Eintrag %1 (%2)</translation>
    </message>
    <message>
        <source>%1: no song folder at %2</source>
        <translation>%1: kein Songordner unter %2</translation>
    </message>
    <message>
        <source>%1: %2 is a file, not a song folder</source>
        <translation>%1: %2 ist eine Datei, kein Songordner</translation>
    </message>
    <message>
        <source>%1: no stems the loader can take</source>
        <translation>%1: keine Stems, die der Lader lesen kann</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Sets (*%1)</source>
        <translation>Sets (*%1)</translation>
    </message>
    <message>
        <source>Add Songs</source>
        <translation>Songs hinzufügen</translation>
    </message>
    <message>
        <source>Add Song</source>
        <translation>Song hinzufügen</translation>
    </message>
    <message>
        <source>Remove Songs</source>
        <translation>Songs entfernen</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>Song entfernen</translation>
    </message>
    <message>
        <source>Move Song</source>
        <translation>Song verschieben</translation>
    </message>
    <message>
        <source>Change Song Settings</source>
        <translation>Song-Einstellungen ändern</translation>
    </message>
    <message>
        <source>Rename Set</source>
        <translation>Set umbenennen</translation>
    </message>
</context>
<context>
    <name>RehearsalBar</name>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Reset the tempo to 100 % (the song's own tempo)</source>
        <translation>Tempo auf 100 % zurücksetzen (das eigene Tempo des Songs)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Tonhöhe</translation>
    </message>
    <message>
        <source>Transpose by semitones, without changing the tempo</source>
        <translation>In Halbtönen transponieren, ohne das Tempo zu ändern</translation>
    </message>
    <message>
        <source> st</source>
        <translation> st</translation>
    </message>
    <message>
        <source>Fine tuning in cents (to match a detuned instrument)</source>
        <translation>Feinstimmung in Cent (passend zu einem verstimmten Instrument)</translation>
    </message>
    <message>
        <source> ct</source>
        <translation> ct</translation>
    </message>
    <message>
        <source>Reset the pitch to the original key (0 st, 0 ct)</source>
        <translation>Tonhöhe auf die Originaltonart zurücksetzen (0 st, 0 ct)</translation>
    </message>
    <message>
        <source>Metronome click while playing</source>
        <translation>Metronom-Klick beim Abspielen</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>Click level</source>
        <translation>Klick-Pegel</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Song tempo for the click (from meta.json when the song gives it)</source>
        <translation>Songtempo für den Klick (aus meta.json, wenn der Song es angibt)</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tap along to set the tempo</source>
        <translation>Mittippen, um das Tempo zu setzen</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>Time signature</source>
        <translation>Taktart</translation>
    </message>
    <message>
        <source>2/4</source>
        <translation>2/4</translation>
    </message>
    <message>
        <source>3/4</source>
        <translation>3/4</translation>
    </message>
    <message>
        <source>4/4</source>
        <translation>4/4</translation>
    </message>
    <message>
        <source>5/4</source>
        <translation>5/4</translation>
    </message>
    <message>
        <source>6/8</source>
        <translation>6/8</translation>
    </message>
    <message>
        <source>7/8</source>
        <translation>7/8</translation>
    </message>
    <message>
        <source>9/8</source>
        <translation>9/8</translation>
    </message>
    <message>
        <source>12/8</source>
        <translation>12/8</translation>
    </message>
    <message>
        <source>Bars of click before playback starts</source>
        <translation>Takte Klick, bevor die Wiedergabe beginnt</translation>
    </message>
    <message>
        <source>Count-in </source>
        <translation>Einzähler </translation>
    </message>
    <message>
        <source>No count-in</source>
        <translation>Kein Einzähler</translation>
    </message>
    <message>
        <source>Fine pitch in cents</source>
        <translation>Feinstimmung in Cent</translation>
    </message>
    <message>
        <source>Click tempo</source>
        <translation>Klick-Tempo</translation>
    </message>
    <message>
        <source>Count-in</source>
        <translation>Einzähler</translation>
    </message>
    <message>
        <source>Reset tempo</source>
        <translation>Tempo zurücksetzen</translation>
    </message>
    <message>
        <source>Reset pitch</source>
        <translation>Tonhöhe zurücksetzen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Audio Settings</source>
        <translation>Audioeinstellungen</translation>
    </message>
    <message>
        <source>Output device</source>
        <translation>Ausgabegerät</translation>
    </message>
    <message>
        <source>Where the mix is played</source>
        <translation>Wo die Mischung spielt</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Songs at another rate are converted while they load</source>
        <translation>Songs mit anderer Rate werden beim Laden umgerechnet</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Blockgröße</translation>
    </message>
    <message>
        <source>Smaller blocks react faster; larger blocks are safer against dropouts</source>
        <translation>Kleinere Blöcke reagieren schneller; größere sind sicherer gegen Aussetzer</translation>
    </message>
    <message>
        <source>Follow the song's sample rate when the device supports it</source>
        <translation>Der Abtastrate des Songs folgen, wenn das Gerät sie unterstützt</translation>
    </message>
    <message>
        <source>A song opened at another rate than the output's switches the output to its rate instead of being converted (faster to open, the samples untouched)</source>
        <translation>Ein Song mit anderer Rate als der Ausgang schaltet den Ausgang auf seine Rate um, statt umgerechnet zu werden (öffnet schneller, die Samples bleiben unberührt)</translation>
    </message>
    <message>
        <source>Latency monitor</source>
        <translation>Latenzmonitor</translation>
    </message>
    <message>
        <source>Times every audio callback and shows the figures in a panel</source>
        <translation>Misst jeden Audio-Callback und zeigt die Werte in einem Feld</translation>
    </message>
    <message>
        <source>Measures how long each audio block takes to mix, and counts dropouts. Switch it on when tuning the block size.</source>
        <translation>Misst, wie lange jeder Audioblock zum Mischen braucht, und zählt Aussetzer. Beim Einstellen der Blockgröße einschalten.</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>Ausgangskanäle</translation>
    </message>
    <message>
        <source>All channels lets stems and the click play on their own outputs</source>
        <translation>Mit allen Kanälen können Stems und Klick auf eigenen Ausgängen spielen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Neu verbinden</translation>
    </message>
    <message>
        <source>Open the chosen output again, for example after it was unplugged or its server restarted</source>
        <translation>Den gewählten Ausgang erneut öffnen, zum Beispiel nach dem Abstecken oder einem Neustart seines Servers</translation>
    </message>
</context>
<context>
    <name>TrackStrip</name>
    <message>
        <source>Stem</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Pan (double-click to centre)</source>
        <translation>Panorama (Doppelklick für Mitte)</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Volume (double-click for 0 dB)</source>
        <translation>Lautstärke (Doppelklick für 0 dB)</translation>
    </message>
    <message>
        <source>0.0 dB</source>
        <translation>0.0 dB</translation>
    </message>
    <message>
        <source>Mute this stem</source>
        <translation>Diesen Stem stummschalten</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Solo</source>
        <translation>Solo</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>No song</source>
        <translation>Kein Song</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>00:00.0</source>
        <translation>00:00.0</translation>
    </message>
    <message>
        <source>Song length</source>
        <translation>Songlänge</translation>
    </message>
    <message>
        <source>/ 00:00.0</source>
        <translation>/ 00:00.0</translation>
    </message>
    <message>
        <source>Beats of count-in left before the song starts</source>
        <translation>Verbleibende Einzähler-Schläge, bevor der Song beginnt</translation>
    </message>
    <message>
        <source>Click or drag to jump in the song</source>
        <translation>Klicken oder ziehen, um im Song zu springen</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::ExportJob</name>
    <message>
        <source>%1 is the song's own %2: exporting there would destroy it. Nothing was written; choose another file name.</source>
        <translation>%1 ist die eigene %2 des Songs: ein Export dorthin würde sie zerstören. Nichts wurde geschrieben; einen anderen Dateinamen wählen.</translation>
    </message>
    <message>
        <source>There is no song to export.</source>
        <translation>Es gibt keinen Song zum Exportieren.</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Export abgebrochen; %1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The song stopped loading before it was complete (another song was opened); %1 was not written.</source>
        <translation>Der Song wurde nicht fertig geladen (ein anderer Song wurde geöffnet); %1 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2. Nothing was written; choose another file or folder.</source>
        <translation>Export nach %1 nicht möglich: %2. Nichts wurde geschrieben; eine andere Datei oder einen anderen Ordner wählen.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>Export nach %1 nicht möglich: %2.</translation>
    </message>
    <message>
        <source>Exported the mix to %1.</source>
        <translation>Mischung nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::PlaybackManager</name>
    <message>
        <source>%1 cannot play at the song's %2 Hz; it runs at %3 Hz, and the song is resampled.</source>
        <translation>%1 kann nicht mit den %2 Hz des Songs spielen; es läuft mit %3 Hz, und der Song wird umgerechnet.</translation>
    </message>
    <message>
        <source>%1 cannot play at %2 Hz; it runs at %3 Hz, and the audio settings now use the device's own rate.</source>
        <translation>%1 kann nicht mit %2 Hz spielen; es läuft mit %3 Hz, und die Audioeinstellungen nutzen jetzt die eigene Rate des Geräts.</translation>
    </message>
    <message>
        <source>No audio output</source>
        <translation>Keine Audioausgabe</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>%1-frame blocks</source>
        <translation>Blöcke zu %1 Frames</translation>
    </message>
    <message>
        <source>%1 ms output latency</source>
        <translation>%1 ms Ausgangslatenz</translation>
    </message>
    <message>
        <source>The audio output was not changed: the song could not be prepared at the new sample rate (%1).</source>
        <translation>Der Audioausgang wurde nicht geändert: Der Song konnte nicht für die neue Abtastrate vorbereitet werden (%1).</translation>
    </message>
    <message>
        <source>The song cannot play on this output: it could not be prepared at %1 Hz (%2).</source>
        <translation>Der Song kann auf diesem Ausgang nicht spielen: Er konnte nicht für %1 Hz vorbereitet werden (%2).</translation>
    </message>
    <message>
        <source>No audio output is open. Choose a device in Settings.</source>
        <translation>Kein Audioausgang ist geöffnet. Ein Gerät in den Einstellungen wählen.</translation>
    </message>
    <message>
        <source>Audio could not start: %1. Choose an output in Settings (or reconnect there).</source>
        <translation>Audio konnte nicht starten: %1. Einen Ausgang in den Einstellungen wählen (oder dort neu verbinden).</translation>
    </message>
    <message>
        <source>Audio stopped: %1. Playback is paused where it was; choose an output in Settings (or reconnect there) to carry on.</source>
        <translation>Audio angehalten: %1. Die Wiedergabe ist dort pausiert, wo sie war; einen Ausgang in den Einstellungen wählen (oder dort neu verbinden), um weiterzumachen.</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::SectionVamp</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>No song to vamp.</source>
        <translation>Kein Song zum Vampen.</translation>
    </message>
    <message>
        <source>This song has no markers: add them (M) where its sections start, then vamp a section.</source>
        <translation>Dieser Song hat keine Marker: Marker (M) an den Abschnittsanfängen setzen, dann einen Abschnitt vampen.</translation>
    </message>
    <message>
        <source>The section here is too short to vamp.</source>
        <translation>Der Abschnitt hier ist zu kurz zum Vampen.</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::set::SetListModel</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1%2 st</source>
        <translation>%1%2 st</translation>
    </message>
    <message>
        <source>click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>count-in %1</source>
        <translation>Einzähler %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>gap %1 s</source>
        <translation>Pause %1 s</translation>
    </message>
    <message>
        <source>segue</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <source>crossfade %1 s</source>
        <translation>Überblendung %1 s</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>Song</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>%1: not a song folder or a set file</source>
        <translation>%1: weder ein Songordner noch eine Set-Datei</translation>
    </message>
    <message>
        <source>Move Songs</source>
        <translation>Songs verschieben</translation>
    </message>
    <message>
        <source>Move Song</source>
        <translation>Song verschieben</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::set::SetPlayer</name>
    <message>
        <source>%1: the song has no marker '%2'; it starts at its beginning</source>
        <translation>%1: der Song hat keinen Marker '%2'; er beginnt am Anfang</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::set::SetSession</name>
    <message>
        <source>Untitled set</source>
        <translation>Unbenanntes Set</translation>
    </message>
    <message>
        <source>The set has no file yet: use Save Set As.</source>
        <translation>Das Set hat noch keine Datei: Set speichern unter verwenden.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::AnalysisPanel</name>
    <message>
        <source>Song Analysis</source>
        <translation>Songanalyse</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>−10 ms</source>
        <translation>−10 ms</translation>
    </message>
    <message>
        <source>+10 ms</source>
        <translation>+10 ms</translation>
    </message>
    <message>
        <source>Move the first downbeat (and the whole grid) 10 ms earlier</source>
        <translation>Die erste Eins (und das ganze Raster) 10 ms früher setzen</translation>
    </message>
    <message>
        <source>Move the first downbeat (and the whole grid) 10 ms later</source>
        <translation>Die erste Eins (und das ganze Raster) 10 ms später setzen</translation>
    </message>
    <message>
        <source>e.g. A minor</source>
        <translation>z. B. a-Moll</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>First downbeat:</source>
        <translation>Erste Eins:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Tonart:</translation>
    </message>
    <message>
        <source>Write to meta.json</source>
        <translation>In meta.json schreiben</translation>
    </message>
    <message>
        <source>Keep this tempo, meter and key in the song folder's meta.json</source>
        <translation>Dieses Tempo, diese Taktart und Tonart in der meta.json des Songordners speichern</translation>
    </message>
    <message>
        <source>Analysing the song…</source>
        <translation>Song wird analysiert…</translation>
    </message>
    <message>
        <source>No analysis for this song (its meta.json gives tempo, meter and key, or no song).</source>
        <translation>Keine Analyse für diesen Song (seine meta.json nennt Tempo, Taktart und Tonart, oder kein Song geladen).</translation>
    </message>
    <message>
        <source>Found %1 BPM, %2 (tempo confidence %3 %, key %4 %). %5</source>
        <translation>Gefunden: %1 BPM, %2 (Sicherheit Tempo %3 %, Tonart %4 %). %5</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>keine Tonart</translation>
    </message>
    <message>
        <source>The click keeps meta.json's tempo.</source>
        <translation>Der Klick behält das Tempo aus meta.json.</translation>
    </message>
    <message>
        <source>Written to meta.json.</source>
        <translation>In meta.json geschrieben.</translation>
    </message>
    <message>
        <source>meta.json was not written: %1</source>
        <translation>meta.json wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Suggest Sections</source>
        <translation>Abschnitte vorschlagen</translation>
    </message>
    <message>
        <source>Find where the song's sections start, on bar lines</source>
        <translation>Finden, wo die Abschnitte des Songs beginnen, auf Taktanfängen</translation>
    </message>
    <message>
        <source>Add as Markers</source>
        <translation>Als Marker hinzufügen</translation>
    </message>
    <message>
        <source>Add the suggested section starts to the song's markers</source>
        <translation>Die vorgeschlagenen Abschnittsanfänge zu den Markern des Songs hinzufügen</translation>
    </message>
    <message>
        <source>Sections can be suggested once the song has loaded.</source>
        <translation>Abschnitte können vorgeschlagen werden, sobald der Song geladen ist.</translation>
    </message>
    <message>
        <source>Listening for sections…</source>
        <translation>Suche nach Abschnitten…</translation>
    </message>
    <message>
        <source>%1  (bar %2)</source>
        <translation>%1  (Takt %2)</translation>
    </message>
    <message>
        <source>No section changes were found.</source>
        <translation>Es wurden keine Abschnittswechsel gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n section start(s) found.</source>
        <translation><numerusform>%n Abschnittsanfang gefunden.</numerusform><numerusform>%n Abschnittsanfänge gefunden.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n marker(s) added.</source>
        <translation><numerusform>%n Marker hinzugefügt.</numerusform><numerusform>%n Marker hinzugefügt.</numerusform></translation>
    </message>
    <message>
        <source>Every suggestion already has a marker.</source>
        <translation>Jeder Vorschlag hat bereits einen Marker.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::AnalysisWindowPart</name>
    <message>
        <source>Song &amp;Analysis…</source>
        <translation>Song&amp;analyse…</translation>
    </message>
    <message>
        <source>The tempo, first downbeat and key found in the song: confirm, correct or write them to meta.json</source>
        <translation>Tempo, erste Eins und Tonart, die im Song gefunden wurden: bestätigen, korrigieren oder in meta.json schreiben</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ControlKeys</name>
    <message>
        <source>There is no action %1</source>
        <translation>Es gibt keine Aktion %1</translation>
    </message>
    <message>
        <source>%1 needs values no key can give: use MIDI, OSC or the web remote</source>
        <translation>%1 braucht Werte, die keine Taste liefern kann: MIDI, OSC oder die Web-Fernbedienung verwenden</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>%1 ist bereits %2</translation>
    </message>
    <message>
        <source>At most %1 keys per action</source>
        <translation>Höchstens %1 Tasten pro Aktion</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ControlsSettingsPage</name>
    <message>
        <source>also %1</source>
        <translation>auch %1</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Tasten</translation>
    </message>
    <message>
        <source>&amp;OSC</source>
        <translation>&amp;OSC</translation>
    </message>
    <message>
        <source>M&amp;IDI</source>
        <translation>M&amp;IDI</translation>
    </message>
    <message>
        <source>&amp;Web</source>
        <translation>&amp;Web</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Needs values a key cannot give: MIDI, OSC or the web remote</source>
        <translation>Braucht Werte, die eine Taste nicht liefern kann: MIDI, OSC oder die Web-Fernbedienung</translation>
    </message>
    <message>
        <source>%1: no keys</source>
        <translation>%1: keine Tasten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: default keys</source>
        <translation>%1: Standardtasten</translation>
    </message>
    <message>
        <source>Reset &amp;All Keys</source>
        <translation>&amp;Alle Tasten zurücksetzen</translation>
    </message>
    <message>
        <source>Every action has its default keys</source>
        <translation>Jede Aktion hat wieder ihre Standardtasten</translation>
    </message>
    <message>
        <source>Page-turner pedals send Page Down and Page Up: by default the next and the previous marker.</source>
        <translation>Umblätterpedale senden Bild ab und Bild auf: standardmäßig der nächste und der vorige Marker.</translation>
    </message>
    <message>
        <source>Let OSC surfaces drive stemdeck (UDP)</source>
        <translation>OSC-Oberflächen stemdeck steuern lassen (UDP)</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only; 0.0.0.0: every network</source>
        <translation>127.0.0.1: nur dieser Rechner; 0.0.0.0: alle Netzwerke</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>OSC: %1 is not an IP address</source>
        <translation>OSC: %1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every network this machine is on: anyone there can drive the show (OSC has no password).</source>
        <translation>0.0.0.0 lauscht in jedem Netzwerk dieses Rechners: jeder dort kann die Show steuern (OSC hat kein Passwort).</translation>
    </message>
    <message>
        <source>Reachable from that network: OSC has no password.</source>
        <translation>Aus diesem Netzwerk erreichbar: OSC hat kein Passwort.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ExportDialog</name>
    <message>
        <source> mix.wav</source>
        <translation> mix.wav</translation>
    </message>
    <message>
        <source>Tempo %1 %, pitch %2 cents</source>
        <translation>Tempo %1 %, Tonhöhe %2 Cent</translation>
    </message>
    <message>
        <source>(%1 s – %2 s)</source>
        <translation>(%1 s – %2 s)</translation>
    </message>
    <message>
        <source>(set a loop first)</source>
        <translation>(zuerst einen Loop setzen)</translation>
    </message>
    <message>
        <source>Export Mix</source>
        <translation>Mischung exportieren</translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac)</source>
        <translation>WAV (*.wav);;FLAC (*.flac)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Eine Zieldatei wählen.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 ist ein Ordner; einen Dateinamen ergänzen.</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>Zuerst einen Song öffnen.</translation>
    </message>
    <message>
        <source>Waiting for the song to finish loading, then exporting to %1…</source>
        <translation>Warten, bis der Song geladen ist, dann Export nach %1…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1…</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LanguageSettingsPage</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>The language changes the next time stemdeck starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von stemdeck.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LatencyPanel</name>
    <message>
        <source>%1 frames · %2 kHz</source>
        <translation>%1 Frames · %2 kHz</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Monitor off</source>
        <translation>Monitor aus</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>Misst</translation>
    </message>
    <message>
        <source>Waiting for audio</source>
        <translation>Warte auf Audio</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LyricsPanel</name>
    <message>
        <source>Capo</source>
        <translation>Kapodaster</translation>
    </message>
    <message>
        <source>Chord names as played with a capo on this fret</source>
        <translation>Akkordnamen, wie sie mit Kapodaster in diesem Bund gegriffen werden</translation>
    </message>
    <message>
        <source>No lyrics or chords for this song
(lyrics.lrc, lyrics.txt, a .cho chord sheet or meta.json chords in its folder)</source>
        <translation>Kein Text und keine Akkorde für diesen Song
(lyrics.lrc, lyrics.txt, ein .cho-Akkordblatt oder Akkorde in meta.json in seinem Ordner)</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MainWindow</name>
    <message>
        <source>&amp;Export Mix…</source>
        <translation>Mischung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Jump to Marker %1</source>
        <translation>Zu Marker %1 springen</translation>
    </message>
    <message>
        <source>Jump to the song's marker %1</source>
        <translation>Zum Marker %1 des Songs springen</translation>
    </message>
    <message>
        <source>Rename Marker</source>
        <translation>Marker umbenennen</translation>
    </message>
    <message>
        <source>Name (Verse, Chorus, Bridge…):</source>
        <translation>Name (Strophe, Refrain, Bridge…):</translation>
    </message>
    <message>
        <source>End of song</source>
        <translation>Songende</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Laden abgebrochen</translation>
    </message>
    <message>
        <source>Open Song Folder</source>
        <translation>Songordner öffnen</translation>
    </message>
    <message>
        <source>%1 — stemdeck</source>
        <translation>%1 — stemdeck</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1: %n stem(s)</source>
        <translation><numerusform>%1 geladen: %n Stem</numerusform><numerusform>%1 geladen: %n Stems</numerusform></translation>
    </message>
    <message>
        <source>The song in %1 could not be opened.</source>
        <translation>Der Song in %1 konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Could not open song</source>
        <translation>Song konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The current song stays loaded.</source>
        <translation>Der aktuelle Song bleibt geladen.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>More &amp;Controls</source>
        <translation>Weitere &amp;Regler</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Stage View</source>
        <translation>&amp;Bühnenansicht</translation>
    </message>
    <message>
        <source>Full screen view for the stage: section, bar.beat, time left</source>
        <translation>Vollbildansicht für die Bühne: Abschnitt, Takt.Schlag, Restzeit</translation>
    </message>
    <message>
        <source>Lock &amp;Mix</source>
        <translation>&amp;Mischung sperren</translation>
    </message>
    <message>
        <source>Faders, pans, mutes, solos and routing ignore the mouse and keys</source>
        <translation>Fader, Panorama, Mutes, Solos und Routing ignorieren Maus und Tasten</translation>
    </message>
    <message>
        <source>Mix locked</source>
        <translation>Mischung gesperrt</translation>
    </message>
    <message>
        <source>View › Lock Mix (%1) unlocks</source>
        <translation>Ansicht › Mischung sperren (%1) entsperrt</translation>
    </message>
    <message>
        <source>Mix unlocked</source>
        <translation>Mischung entsperrt</translation>
    </message>
    <message>
        <source>Lyrics and Chords</source>
        <translation>Text und Akkorde</translation>
    </message>
    <message>
        <source>&amp;Lyrics and Chords</source>
        <translation>&amp;Text und Akkorde</translation>
    </message>
    <message>
        <source>The song's lyrics and chords as it plays, chords in the played key</source>
        <translation>Text und Akkorde des Songs beim Abspielen, Akkorde in der gespielten Tonart</translation>
    </message>
    <message>
        <source>L&amp;yrics</source>
        <translation>Lied&amp;text</translation>
    </message>
    <message>
        <source>&amp;Stamp Lyrics…</source>
        <translation>Liedtext &amp;stempeln…</translation>
    </message>
    <message>
        <source>Time the song's lyrics line by line as it plays, and save them as LRC</source>
        <translation>Den Liedtext Zeile für Zeile zeitlich setzen, während der Song läuft, und als LRC speichern</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MasterStrip</name>
    <message>
        <source>Master Level</source>
        <translation>Master-Pegel</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
    <message>
        <source>peak -∞</source>
        <translation>Spitze -∞</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MidiControlTab</name>
    <message>
        <source>any channel</source>
        <translation>jeder Kanal</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>Kan. %1</translation>
    </message>
    <message>
        <source>note %1 %2</source>
        <translation>Note %1 %2</translation>
    </message>
    <message>
        <source>CC %1 %2</source>
        <translation>CC %1 %2</translation>
    </message>
    <message>
        <source>program change %1</source>
        <translation>Programmwechsel %1</translation>
    </message>
    <message>
        <source>MIDI system: %1</source>
        <translation>MIDI-System: %1</translation>
    </message>
    <message>
        <source>Let a MIDI controller or pedal drive stemdeck</source>
        <translation>Einen MIDI-Controller oder ein Pedal stemdeck steuern lassen</translation>
    </message>
    <message>
        <source>"virtual": a port of stemdeck's own to connect the controller to</source>
        <translation>"virtual": ein eigener Port von stemdeck, mit dem der Controller verbunden wird</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Lernen</translation>
    </message>
    <message>
        <source>Then press the pedal or move the control to bind to the action</source>
        <translation>Dann das Pedal treten oder den Regler bewegen, der der Aktion zugewiesen wird</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Import MIDI Mapping</source>
        <translation>MIDI-Zuordnung importieren</translation>
    </message>
    <message>
        <source>MIDI mappings (*.json)</source>
        <translation>MIDI-Zuordnungen (*.json)</translation>
    </message>
    <message>
        <source>Export MIDI Mapping</source>
        <translation>MIDI-Zuordnung exportieren</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>Off. %1</source>
        <translation>Aus. %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Learn cancelled</source>
        <translation>Lernen abgebrochen</translation>
    </message>
    <message>
        <source>%1: press the pedal or move the control…</source>
        <translation>%1: Pedal treten oder Regler bewegen…</translation>
    </message>
    <message>
        <source>MIDI mapping: %1</source>
        <translation>MIDI-Zuordnung: %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n binding(s)</source>
        <translation><numerusform>%n Zuweisung importiert</numerusform><numerusform>%n Zuweisungen importiert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n left out, first: %1</source>
        <translation><numerusform>; %n ausgelassen, die erste: %1</numerusform><numerusform>; %n ausgelassen, die erste: %1</numerusform></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Nicht exportiert: %1</translation>
    </message>
    <message>
        <source>Takeover</source>
        <translation>Übernahme</translation>
    </message>
    <message>
        <source>Send MIDI &amp;clock</source>
        <translation>MIDI-&amp;Clock senden</translation>
    </message>
    <message>
        <source>24 ticks per beat with Start, Stop and song position: a drum machine follows</source>
        <translation>24 Ticks pro Schlag mit Start, Stop und Songposition: ein Drumcomputer folgt</translation>
    </message>
    <message>
        <source>MIDI clock output</source>
        <translation>Ausgang der MIDI-Clock</translation>
    </message>
    <message>
        <source>"virtual": stemdeck's clock port alone, to connect a synth to</source>
        <translation>"virtual": nur der Clock-Port von stemdeck, mit dem ein Synthesizer verbunden wird</translation>
    </message>
    <message>
        <source>Clock output</source>
        <translation>Clock-Ausgang</translation>
    </message>
    <message>
        <source>Takeover of %1</source>
        <translation>Übernahme von %1</translation>
    </message>
    <message>
        <source>Pick up: the fader acts once it reaches the value; jump: at once</source>
        <translation>Abholen: der Fader wirkt, sobald er den Wert erreicht; springen: sofort</translation>
    </message>
    <message>
        <source>pick up</source>
        <translation>abholen</translation>
    </message>
    <message>
        <source>jump</source>
        <translation>springen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MixUndo</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MixerPanel</name>
    <message>
        <source>Master Level</source>
        <translation>Master-Pegel</translation>
    </message>
    <message>
        <source>%1 Level</source>
        <translation>Pegel %1</translation>
    </message>
    <message>
        <source>%1 Pan</source>
        <translation>Panorama %1</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation>Stummschaltung von %1 aufheben</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Solo %1</translation>
    </message>
    <message>
        <source>Unsolo %1</source>
        <translation>Solo von %1 aufheben</translation>
    </message>
    <message>
        <source>Reset Mix</source>
        <translation>Mischung zurücksetzen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::RecentSongsMenu</name>
    <message>
        <source>%1 (set)</source>
        <translation>%1 (Set)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No recent songs</source>
        <translation>Keine zuletzt geöffneten Songs</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::RehearsalBar</name>
    <message>
        <source>Practice tempo, without changing the pitch (%1–%2 %)</source>
        <translation>Übetempo, ohne die Tonhöhe zu ändern (%1–%2 %)</translation>
    </message>
    <message numerus="yes">
        <source> bar(s)</source>
        <comment>count-in length</comment>
        <translation><numerusform> Takt</numerusform><numerusform> Takte</numerusform></translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetCuesBox</name>
    <message>
        <source>Spoken cues</source>
        <translation>Gesprochene Ansagen</translation>
    </message>
    <message>
        <source>Say each marker's name one bar before it, on the click's outputs</source>
        <translation>Den Namen jedes Markers einen Takt vorher ansagen, auf den Ausgängen des Klicks</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Level of the spoken cues</source>
        <translation>Pegel der gesprochenen Ansagen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetEntryEditor</name>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Segue</source>
        <translation>Übergang</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Überblendung</translation>
    </message>
    <message>
        <source>How this song leads into the next one</source>
        <translation>Wie dieser Song in den nächsten übergeht</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Silence before the next song</source>
        <translation>Stille vor dem nächsten Song</translation>
    </message>
    <message>
        <source>The next song starts this long before this one ends</source>
        <translation>Der nächste Song beginnt so lange vor dem Ende dieses Songs</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Tempo (pitch unchanged)</source>
        <translation>Tempo (Tonhöhe unverändert)</translation>
    </message>
    <message>
        <source> st</source>
        <translation> st</translation>
    </message>
    <message>
        <source>Transposition in semitones</source>
        <translation>Transposition in Halbtönen</translation>
    </message>
    <message>
        <source> ct</source>
        <translation> ct</translation>
    </message>
    <message>
        <source>Fine pitch in cents</source>
        <translation>Feinstimmung in Cent</translation>
    </message>
    <message>
        <source>Tempo, pitch</source>
        <translation>Tempo, Tonhöhe</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>count-in </source>
        <translation>Einzähler </translation>
    </message>
    <message>
        <source> bars</source>
        <translation> Takte</translation>
    </message>
    <message>
        <source>Start at this marker instead of the song's start</source>
        <translation>An diesem Marker statt am Songanfang beginnen</translation>
    </message>
    <message>
        <source>the song's start</source>
        <translation>Songanfang</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Beginnen bei</translation>
    </message>
    <message>
        <source>Count-in</source>
        <translation>Einzähler</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetUndo</name>
    <message>
        <source>Undo Set Edit</source>
        <translation>Set-Bearbeitung rückgängig</translation>
    </message>
    <message>
        <source>Undo Set Edit: %1</source>
        <translation>Set-Bearbeitung rückgängig: %1</translation>
    </message>
    <message>
        <source>Redo Set Edit</source>
        <translation>Set-Bearbeitung wiederholen</translation>
    </message>
    <message>
        <source>Redo Set Edit: %1</source>
        <translation>Set-Bearbeitung wiederholen: %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetWindowPart</name>
    <message>
        <source>Setlist</source>
        <translation>Setlist</translation>
    </message>
    <message>
        <source>&amp;New Set</source>
        <translation>&amp;Neues Set</translation>
    </message>
    <message>
        <source>Open &amp;Set…</source>
        <translation>&amp;Set öffnen…</translation>
    </message>
    <message>
        <source>Sa&amp;ve Set</source>
        <translation>Set &amp;speichern</translation>
    </message>
    <message>
        <source>Save Set &amp;As…</source>
        <translation>Set speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Pre&amp;vious Song</source>
        <translation>&amp;Vorheriger Song</translation>
    </message>
    <message>
        <source>The set's previous song</source>
        <translation>Der vorherige Song des Sets</translation>
    </message>
    <message>
        <source>Ne&amp;xt Song</source>
        <translation>Nä&amp;chster Song</translation>
    </message>
    <message>
        <source>The set's next song</source>
        <translation>Der nächste Song des Sets</translation>
    </message>
    <message>
        <source>Open Set</source>
        <translation>Set öffnen</translation>
    </message>
    <message>
        <source>Setlist — %1 *</source>
        <translation>Setlist — %1 *</translation>
    </message>
    <message>
        <source>Setlist — %1</source>
        <translation>Setlist — %1</translation>
    </message>
    <message>
        <source>Unsaved set</source>
        <translation>Ungespeichertes Set</translation>
    </message>
    <message>
        <source>The set “%1” has changes that are not saved.</source>
        <translation>Das Set „%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Could not open the set: %1</source>
        <translation>Das Set konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Could not open set</source>
        <translation>Set konnte nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>Opened set %1: %n song(s)</source>
        <translation><numerusform>Set %1 geöffnet: %n Song</numerusform><numerusform>Set %1 geöffnet: %n Songs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Opened set %1: %n problem(s), see the red rows</source>
        <translation><numerusform>Set %1 geöffnet: %n Problem, siehe die roten Zeilen</numerusform><numerusform>Set %1 geöffnet: %n Probleme, siehe die roten Zeilen</numerusform></translation>
    </message>
    <message>
        <source>Saved set %1</source>
        <translation>Set %1 gespeichert</translation>
    </message>
    <message>
        <source>Save Set As</source>
        <translation>Set speichern unter</translation>
    </message>
    <message>
        <source>Add Songs to the Set</source>
        <translation>Songs zum Set hinzufügen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetlistPanel</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add song folders to the set (or drop them on the list)</source>
        <translation>Songordner zum Set hinzufügen (oder auf die Liste ziehen)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected songs from the set</source>
        <translation>Die ausgewählten Songs aus dem Set entfernen</translation>
    </message>
    <message>
        <source>Setlist</source>
        <translation>Setlist</translation>
    </message>
    <message>
        <source>Set %1 · left %2</source>
        <translation>Set %1 · noch %2</translation>
    </message>
    <message>
        <source>The set's name</source>
        <translation>Name des Sets</translation>
    </message>
    <message>
        <source>Remove Songs</source>
        <translation>Songs entfernen</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>Song entfernen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SettingsDialog</name>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>How Markers › Vamp Section ends when it is released</source>
        <translation>Wie Marker › Abschnitt vampen endet, wenn es gelöst wird</translation>
    </message>
    <message>
        <source>At the end of the pass</source>
        <translation>Am Ende des Durchgangs</translation>
    </message>
    <message>
        <source>At the next bar line (a seamless jump)</source>
        <translation>Am nächsten Taktstrich (ein nahtloser Sprung)</translation>
    </message>
    <message>
        <source>Vamp release</source>
        <translation>Vamp-Ende</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (Standard)</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>%1: %2 frames (%3 ms)</source>
        <translation>%1: %2 Frames (%3 ms)</translation>
    </message>
    <message>
        <source>Stereo (1–2)</source>
        <translation>Stereo (1–2)</translation>
    </message>
    <message>
        <source>All channels of the device (%1)</source>
        <translation>Alle Kanäle des Geräts (%1)</translation>
    </message>
    <message>
        <source>All channels of the device</source>
        <translation>Alle Kanäle des Geräts</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Klick</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Each stem and the click play on the outputs chosen here.</source>
        <translation>Jeder Stem und der Klick spielen auf den hier gewählten Ausgängen.</translation>
    </message>
    <message>
        <source>Routing needs a device with 4 or more outputs, opened with all its channels.</source>
        <translation>Routing braucht ein Gerät mit 4 oder mehr Ausgängen, geöffnet mit allen Kanälen.</translation>
    </message>
    <message>
        <source>Device default (%1 Hz)</source>
        <translation>Gerätestandard (%1 Hz)</translation>
    </message>
    <message>
        <source>Device default</source>
        <translation>Gerätestandard</translation>
    </message>
    <message>
        <source>Preparing the song for the new sample rate…</source>
        <translation>Song wird für die neue Abtastrate vorbereitet…</translation>
    </message>
    <message>
        <source>Playing on %1</source>
        <translation>Spielt auf %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ShortcutGuide</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>The keys work wherever the focus is, except while you type into a field.</source>
        <translation>Die Tasten wirken überall, außer während der Eingabe in ein Feld.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StageView</name>
    <message>
        <source>MIX LOCKED</source>
        <translation>MISCHUNG GESPERRT</translation>
    </message>
    <message>
        <source>◀◀ Previous Song</source>
        <translation>◀◀ Vorheriger Song</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Next Song ▶▶</source>
        <translation>Nächster Song ▶▶</translation>
    </message>
    <message>
        <source>Vamp</source>
        <translation>Vamp</translation>
    </message>
    <message>
        <source>No song</source>
        <translation>Kein Song</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>%1 lösen</translation>
    </message>
    <message>
        <source>Vamp %1</source>
        <translation>Vamp %1</translation>
    </message>
    <message>
        <source>Last song of the set</source>
        <translation>Letzter Song des Sets</translation>
    </message>
    <message>
        <source>Next song: %1</source>
        <translation>Nächster Song: %1</translation>
    </message>
    <message>
        <source>Song −%1</source>
        <translation>Song −%1</translation>
    </message>
    <message>
        <source>Set −%1</source>
        <translation>Set −%1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Next: %1 in %2</source>
        <translation>Nächster: %1 in %2</translation>
    </message>
    <message>
        <source>Count-in %1</source>
        <translation>Einzähler %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StampWindow</name>
    <message>
        <source>Stamp Lyrics</source>
        <translation>Liedtext stempeln</translation>
    </message>
    <message>
        <source>Play the song and press &lt;b&gt;Return&lt;/b&gt; or &lt;b&gt;T&lt;/b&gt; as each line starts. &lt;b&gt;Space&lt;/b&gt; plays or pauses; &lt;b&gt;-&lt;/b&gt; / &lt;b&gt;+&lt;/b&gt; move the selected line by 10 ms; &lt;b&gt;P&lt;/b&gt; plays from it; &lt;b&gt;Delete&lt;/b&gt; clears its stamp.</source>
        <translation>Den Song abspielen und bei jedem Zeilenanfang &lt;b&gt;Return&lt;/b&gt; oder &lt;b&gt;T&lt;/b&gt; drücken. &lt;b&gt;Space&lt;/b&gt; spielt oder pausiert; &lt;b&gt;-&lt;/b&gt; / &lt;b&gt;+&lt;/b&gt; verschieben die gewählte Zeile um 10 ms; &lt;b&gt;P&lt;/b&gt; spielt ab ihr; &lt;b&gt;Delete&lt;/b&gt; löscht ihren Zeitstempel.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Open Text…</source>
        <translation>Text öffnen…</translation>
    </message>
    <message>
        <source>Paste Text</source>
        <translation>Text einfügen</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>Wiedergabe/Pause</translation>
    </message>
    <message>
        <source>Stamp (Return)</source>
        <translation>Stempeln (Return)</translation>
    </message>
    <message>
        <source>−10 ms</source>
        <translation>−10 ms</translation>
    </message>
    <message>
        <source>+10 ms</source>
        <translation>+10 ms</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Play from Line</source>
        <translation>Ab Zeile abspielen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Stamp Lyrics – %1</source>
        <translation>Liedtext stempeln – %1</translation>
    </message>
    <message>
        <source>No lyrics yet: paste or open the song's text.</source>
        <translation>Noch kein Liedtext: den Text des Songs einfügen oder öffnen.</translation>
    </message>
    <message>
        <source>Song %1</source>
        <translation>Song %1</translation>
    </message>
    <message>
        <source>Every line is stamped.</source>
        <translation>Jede Zeile hat einen Zeitstempel.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) left to stamp</source>
        <translation><numerusform>%n Zeile noch ohne Zeitstempel</numerusform><numerusform>%n Zeilen noch ohne Zeitstempel</numerusform></translation>
    </message>
    <message>
        <source>No song to save the lyrics with.</source>
        <translation>Kein Song, mit dem der Liedtext gespeichert werden kann.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Open Lyrics Text</source>
        <translation>Liedtext öffnen</translation>
    </message>
    <message>
        <source>Lyrics (*.txt *.lrc);;All files (*)</source>
        <translation>Liedtexte (*.txt *.lrc);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Replace the Lines</source>
        <translation>Zeilen ersetzen</translation>
    </message>
    <message>
        <source>Replace the lines and their stamps by this text?</source>
        <translation>Die Zeilen und ihre Zeitstempel durch diesen Text ersetzen?</translation>
    </message>
    <message>
        <source>The clipboard has no text.</source>
        <translation>Die Zwischenablage enthält keinen Text.</translation>
    </message>
    <message>
        <source>Replace the lines and their stamps by the pasted text?</source>
        <translation>Die Zeilen und ihre Zeitstempel durch den eingefügten Text ersetzen?</translation>
    </message>
    <message>
        <source>Save the Stamps</source>
        <translation>Zeitstempel speichern</translation>
    </message>
    <message>
        <source>Another song was loaded. Save the lyrics stamped for %1 first?</source>
        <translation>Ein anderer Song wurde geladen. Zuerst den gestempelten Liedtext von %1 speichern?</translation>
    </message>
    <message>
        <source>Not saved, so still on %1: %2</source>
        <translation>Nicht gespeichert, daher weiter bei %1: %2</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StatusLine</name>
    <message>
        <source>Buffering…</source>
        <translation>Puffern…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading; the current song stays</source>
        <translation>Laden abbrechen; der aktuelle Song bleibt</translation>
    </message>
    <message>
        <source>The song is still loading: playback waits for it to catch up, then carries on</source>
        <translation>Der Song lädt noch: die Wiedergabe wartet, bis er aufgeholt hat, und läuft dann weiter</translation>
    </message>
    <message>
        <source>Audio settings…</source>
        <translation>Audioeinstellungen…</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TimelineView</name>
    <message>
        <source>Jump Here</source>
        <translation>Hierher springen</translation>
    </message>
    <message>
        <source>Loop Section</source>
        <translation>Abschnitt loopen</translation>
    </message>
    <message>
        <source>Loop from this marker to the next one</source>
        <translation>Loop von diesem Marker bis zum nächsten</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No song loaded</source>
        <translation>Kein Song geladen</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TrackStrip</name>
    <message>
        <source>%1 Level</source>
        <translation>Pegel %1</translation>
    </message>
    <message>
        <source>%1 Pan</source>
        <translation>Panorama %1</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>%1 stummschalten</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Solo %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TransportBar</name>
    <message>
        <source>Count-in %1</source>
        <translation>Einzähler %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TransportKeys</name>
    <message>
        <source>Apply what was typed into a field, give the keys back</source>
        <translation>Eingabe in einem Feld übernehmen, Tasten zurückgeben</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Cancel what was typed into a number field, give the keys back</source>
        <translation>Eingabe in einem Zahlenfeld verwerfen, Tasten zurückgeben</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Change the value of the field or fader clicked last</source>
        <translation>Den Wert des zuletzt angeklickten Felds oder Faders ändern</translation>
    </message>
    <message>
        <source>Up, Down (Page Up, Page Down when no action has them)</source>
        <translation>Hoch, Runter (Bild auf, Bild ab, wenn keine Aktion sie belegt)</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::VampWindowPart</name>
    <message>
        <source>&amp;Vamp Section</source>
        <translation>Abschnitt &amp;vampen</translation>
    </message>
    <message>
        <source>Repeat the section the play is in (marker to marker) until released</source>
        <translation>Den laufenden Abschnitt (Marker bis Marker) wiederholen, bis er gelöst wird</translation>
    </message>
    <message>
        <source>Vamping %1: %2 releases</source>
        <translation>Vamp %1: %2 löst</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::WebRemoteTab</name>
    <message>
        <source>Let phones and tablets drive stemdeck in a web browser</source>
        <translation>Handys und Tablets stemdeck im Webbrowser steuern lassen</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only; 0.0.0.0: every network</source>
        <translation>127.0.0.1: nur dieser Rechner; 0.0.0.0: alle Netzwerke</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Read-only token</source>
        <translation>Nur-Lese-Token</translation>
    </message>
    <message>
        <source>Web remote: %1 is not an IP address</source>
        <translation>Web-Fernbedienung: %1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every network this machine is on: anyone there with the token can drive the show.</source>
        <translation>0.0.0.0 lauscht in jedem Netzwerk dieses Rechners: jeder dort mit dem Token kann die Show steuern.</translation>
    </message>
    <message>
        <source>Reachable from that network: keep the token to yourself.</source>
        <translation>Aus diesem Netzwerk erreichbar: den Token für sich behalten.</translation>
    </message>
    <message>
        <source>Remote: %1</source>
        <translation>Fernbedienung: %1</translation>
    </message>
    <message>
        <source>Stage view (read-only): %1</source>
        <translation>Bühnenansicht (nur lesen): %1</translation>
    </message>
</context>
</TS>
