<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About stemdeck</source>
        <translation>Acerca de stemdeck</translation>
    </message>
    <message>
        <source>stemdeck</source>
        <translation>stemdeck</translation>
    </message>
    <message>
        <source>A multitrack stem player for rehearsal and live use: every stem on its own fader, with mute, solo and pan, and a mix remembered per song.</source>
        <translation>Un reproductor multipista de stems para ensayos y directo: cada stem en su propio fader, con mute, solo y panorama, y una mezcla recordada para cada canción.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later), with no warranty. It links Rubber Band, qm-dsp and espeak-ng, which are under the GPL as well.</source>
        <translation>Software libre bajo la Licencia Pública General de GNU, versión 3 o posterior (GPL-3.0-or-later), sin garantía. Enlaza Rubber Band, qm-dsp y espeak-ng, que también están bajo la GPL.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Mix</source>
        <translation>Exportar mezcla</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Where the mix is written (.wav or .flac)</source>
        <translation>Dónde se escribe la mezcla (.wav o .flac)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>24-bit keeps all the detail of the stems</source>
        <translation>24 bits conserva todo el detalle de los stems</translation>
    </message>
    <message>
        <source>Apply the current &amp;tempo and pitch</source>
        <translation>Aplicar el &amp;tempo y la afinación actuales</translation>
    </message>
    <message>
        <source>&amp;Loop range only,</source>
        <translation>Solo el &amp;bucle,</translation>
    </message>
    <message>
        <source> times</source>
        <translation> veces</translation>
    </message>
    <message>
        <source>Include the &amp;click</source>
        <translation>Incluir la &amp;claqueta</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Cancel Export</source>
        <translation>&amp;Cancelar exportación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>IssueBanner</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show what exactly went wrong with each file</source>
        <translation>Mostrar qué falló exactamente en cada archivo</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>Descartar (Esc)</translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message>
        <source>Half of the callbacks took less than this</source>
        <translation>La mitad de los callbacks tardaron menos que esto</translation>
    </message>
    <message>
        <source>Median callback</source>
        <translation>Callback mediano</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>All but 1 in 100 callbacks took less than this</source>
        <translation>Todos los callbacks salvo 1 de cada 100 tardaron menos que esto</translation>
    </message>
    <message>
        <source>99th percentile</source>
        <translation>Percentil 99</translation>
    </message>
    <message>
        <source>The slowest callback measured</source>
        <translation>El callback más lento medido</translation>
    </message>
    <message>
        <source>Worst callback</source>
        <translation>Peor callback</translation>
    </message>
    <message>
        <source>The time one block of audio lasts: a callback must finish well within it</source>
        <translation>Lo que dura un bloque de audio: un callback debe terminar con holgura dentro de ese tiempo</translation>
    </message>
    <message>
        <source>Budget per block</source>
        <translation>Presupuesto por bloque</translation>
    </message>
    <message>
        <source>Mean callback time over the budget. Green below 50 %, orange below 80 %, red above</source>
        <translation>Tiempo medio de callback respecto al presupuesto. Verde por debajo del 50 %, naranja por debajo del 80 %, rojo por encima</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>Times the sound card ran out of audio (heard as a click or dropout)</source>
        <translation>Veces que la tarjeta de sonido se quedó sin audio (se oye como un chasquido o un corte)</translation>
    </message>
    <message>
        <source>Underflows</source>
        <translation>Subdesbordamientos</translation>
    </message>
    <message>
        <source>Callbacks that used more than 80 % of their budget</source>
        <translation>Callbacks que usaron más del 80 % de su presupuesto</translation>
    </message>
    <message>
        <source>Late callbacks</source>
        <translation>Callbacks tardíos</translation>
    </message>
    <message>
        <source>Callbacks measured since the monitor was switched on or reset</source>
        <translation>Callbacks medidos desde que se activó o reinició el monitor</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Callbacks</translation>
    </message>
    <message>
        <source>Delay from the mixer to the speakers, as the device reports it</source>
        <translation>Retardo del mezclador a los altavoces, según lo informa el dispositivo</translation>
    </message>
    <message>
        <source>Output latency</source>
        <translation>Latencia de salida</translation>
    </message>
    <message>
        <source>Block size and sample rate of the open stream</source>
        <translation>Tamaño de bloque y frecuencia de muestreo del flujo abierto</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Flujo</translation>
    </message>
    <message>
        <source>Load, last minute</source>
        <translation>Carga, último minuto</translation>
    </message>
    <message>
        <source>Start the figures over from now</source>
        <translation>Empezar las cifras de nuevo desde ahora</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
</context>
<context>
    <name>LoadMessages</name>
    <message>
        <source>is damaged or not audio</source>
        <translation>está dañado o no es audio</translation>
    </message>
    <message>
        <source>are damaged or not audio</source>
        <translation>están dañados o no son audio</translation>
    </message>
    <message>
        <source>holds no audio</source>
        <translation>no contiene audio</translation>
    </message>
    <message>
        <source>hold no audio</source>
        <translation>no contienen audio</translation>
    </message>
    <message>
        <source>could not be opened (no permission to read it)</source>
        <translation>no se pudo abrir (sin permiso de lectura)</translation>
    </message>
    <message>
        <source>could not be opened (no permission to read them)</source>
        <translation>no se pudieron abrir (sin permiso de lectura)</translation>
    </message>
    <message>
        <source>did not fit in the memory that is free</source>
        <translation>no cupo en la memoria libre</translation>
    </message>
    <message>
        <source>uses a sample rate stemdeck cannot play</source>
        <translation>usa una frecuencia de muestreo que stemdeck no puede reproducir</translation>
    </message>
    <message>
        <source>use a sample rate stemdeck cannot play</source>
        <translation>usan una frecuencia de muestreo que stemdeck no puede reproducir</translation>
    </message>
    <message>
        <source>could not be played</source>
        <translation>no se pudo reproducir</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) %1</source>
        <translation><numerusform>%n archivo %1</numerusform><numerusform>%n archivos %1</numerusform></translation>
    </message>
    <message>
        <source>The song folder %1 is not there (moved, renamed or on a drive that is not connected?).</source>
        <translation>La carpeta de la canción %1 no está (¿movida, renombrada o en una unidad no conectada?).</translation>
    </message>
    <message>
        <source>%1 is a file, not a song: a song is a folder of audio files, one per stem.</source>
        <translation>%1 es un archivo, no una canción: una canción es una carpeta de archivos de audio, uno por stem.</translation>
    </message>
    <message>
        <source>None of the files in %1 could be played. %2.</source>
        <translation>No se pudo reproducir ninguno de los archivos de %1. %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has no audio files; %n other file(s) (documents, pictures …) were left out.</source>
        <translation><numerusform>%1 no tiene archivos de audio; se omitió %n archivo más (documentos, imágenes…).</numerusform><numerusform>%1 no tiene archivos de audio; se omitieron %n archivos más (documentos, imágenes…).</numerusform></translation>
    </message>
    <message>
        <source>%1 has no audio files.</source>
        <translation>%1 no tiene archivos de audio.</translation>
    </message>
    <message>
        <source>%1 needs more memory than is free right now. Close other programs, or use fewer or shorter stems.</source>
        <translation>%1 necesita más memoria de la que hay libre ahora. Cierra otros programas o usa menos stems o más cortos.</translation>
    </message>
    <message>
        <source>The song folder %1 could not be read.</source>
        <translation>No se pudo leer la carpeta de la canción %1.</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>No se pudo abrir %1.</translation>
    </message>
    <message>
        <source>%1 was left out of %2: it %3.</source>
        <translation>%1 se omitió de %2: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 were left out (%2): %3.</source>
        <translation><numerusform>Se omitió %n archivo de %1 (%2): %3.</numerusform><numerusform>Se omitieron %n archivos de %1 (%2): %3.</numerusform></translation>
    </message>
    <message>
        <source>Some stems of %1 play, but not quite as their files say (%2).</source>
        <translation>Algunos stems de %1 suenan, pero no exactamente como indican sus archivos (%2).</translation>
    </message>
    <message>
        <source>%1 of %2 could not be read to its end (it %3): it plays as far as it was read, then is silent.</source>
        <translation>%1 de %2 no se pudo leer hasta el final (%3): suena hasta donde se leyó y después queda en silencio.</translation>
    </message>
    <message numerus="yes">
        <source>%n stem(s) of %1 could not be read to their end (%2): they play as far as they were read, then are silent.</source>
        <translation><numerusform>%n stem de %1 no se pudo leer hasta el final (%2): suena hasta donde se leyó y después queda en silencio.</numerusform><numerusform>%n stems de %1 no se pudieron leer hasta el final (%2): suenan hasta donde se leyeron y después quedan en silencio.</numerusform></translation>
    </message>
    <message>
        <source>Part of the mix saved for this song could not be used; those settings are back at their defaults.</source>
        <translation>Parte de la mezcla guardada para esta canción no se pudo usar; esos ajustes vuelven a sus valores predeterminados.</translation>
    </message>
    <message>
        <source>The mix saved for this song could not be used; it is back at its defaults.</source>
        <translation>La mezcla guardada para esta canción no se pudo usar; vuelve a sus valores predeterminados.</translation>
    </message>
    <message>
        <source>Some of the markers saved for this song could not be read; the others are shown.</source>
        <translation>Algunos de los marcadores guardados para esta canción no se pudieron leer; se muestran los demás.</translation>
    </message>
    <message>
        <source>The markers saved for this song could not be read; new markers can be added as usual.</source>
        <translation>No se pudieron leer los marcadores guardados para esta canción; se pueden añadir marcadores nuevos como siempre.</translation>
    </message>
    <message>
        <source>Part of the song's meta.json could not be used; the click uses its own tempo or time signature instead.</source>
        <translation>Parte del meta.json de la canción no se pudo usar; la claqueta usa su propio tempo o compás.</translation>
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
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;Markers</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Latency monitor</source>
        <translation>Monitor de latencia</translation>
    </message>
    <message>
        <source>&amp;Open Song…</source>
        <translation>&amp;Abrir canción…</translation>
    </message>
    <message>
        <source>Open a song folder</source>
        <translation>Abrir una carpeta de canción</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Quit stemdeck</source>
        <translation>Salir de stemdeck</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Re&amp;producir</translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation>Reproducir o pausar</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>Stop and return to the start</source>
        <translation>Parar y volver al inicio</translation>
    </message>
    <message>
        <source>Back to S&amp;tart</source>
        <translation>Volver al &amp;inicio</translation>
    </message>
    <message>
        <source>Jump to the start of the song</source>
        <translation>Saltar al inicio de la canción</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Back 5 Seconds</source>
        <translation>Atrás 5 segundos</translation>
    </message>
    <message>
        <source>Jump back 5 seconds</source>
        <translation>Retroceder 5 segundos</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Forward 5 Seconds</source>
        <translation>Adelante 5 segundos</translation>
    </message>
    <message>
        <source>Jump forward 5 seconds</source>
        <translation>Avanzar 5 segundos</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>Back 1 Second</source>
        <translation>Atrás 1 segundo</translation>
    </message>
    <message>
        <source>Jump back 1 second</source>
        <translation>Retroceder 1 segundo</translation>
    </message>
    <message>
        <source>Shift+Left</source>
        <translation>Shift+Left</translation>
    </message>
    <message>
        <source>Forward 1 Second</source>
        <translation>Adelante 1 segundo</translation>
    </message>
    <message>
        <source>Jump forward 1 second</source>
        <translation>Avanzar 1 segundo</translation>
    </message>
    <message>
        <source>Shift+Right</source>
        <translation>Shift+Right</translation>
    </message>
    <message>
        <source>Set Loop Start (&amp;A)</source>
        <translation>Inicio del bucle (&amp;A)</translation>
    </message>
    <message>
        <source>Loop from the play position</source>
        <translation>Bucle desde la posición de reproducción</translation>
    </message>
    <message>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <source>Set Loop End (&amp;B)</source>
        <translation>Fin del bucle (&amp;B)</translation>
    </message>
    <message>
        <source>Loop up to the play position, and switch looping on</source>
        <translation>Bucle hasta la posición de reproducción, y activar el bucle</translation>
    </message>
    <message>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>&amp;Bucle</translation>
    </message>
    <message>
        <source>Loop between A and B (drag on the ruler, or Shift+drag on the timeline, to mark them)</source>
        <translation>Bucle entre A y B (arrastra en la regla, o Mayús+arrastrar en la línea de tiempo, para marcarlos)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>&amp;Clear Loop</source>
        <translation>&amp;Quitar bucle</translation>
    </message>
    <message>
        <source>Forget A and B</source>
        <translation>Olvidar A y B</translation>
    </message>
    <message>
        <source>Shift+L</source>
        <translation>Shift+L</translation>
    </message>
    <message>
        <source>&amp;Add Marker</source>
        <translation>&amp;Añadir marcador</translation>
    </message>
    <message>
        <source>Add a marker at the play position (double-click its flag to rename it)</source>
        <translation>Añadir un marcador en la posición de reproducción (doble clic en su bandera para renombrarlo)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Jump at &amp;Next Bar</source>
        <translation>Saltar en el &amp;siguiente compás</translation>
    </message>
    <message>
        <source>Marker jumps wait for the next bar line (of the click's tempo and meter)</source>
        <translation>Los saltos a marcadores esperan a la siguiente barra de compás (según el tempo y compás de la claqueta)</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>A&amp;mpliar</translation>
    </message>
    <message>
        <source>Zoom into the timeline</source>
        <translation>Ampliar la línea de tiempo</translation>
    </message>
    <message>
        <source>Ctrl++</source>
        <translation>Ctrl++</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>Zoom out of the timeline</source>
        <translation>Reducir la línea de tiempo</translation>
    </message>
    <message>
        <source>Ctrl+-</source>
        <translation>Ctrl+-</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Show the whole song</source>
        <translation>Mostrar toda la canción</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Latency Monitor</source>
        <translation>Monitor de &amp;latencia</translation>
    </message>
    <message>
        <source>Show how long the audio callback takes</source>
        <translation>Mostrar cuánto tarda el callback de audio</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>&amp;Audio Settings…</source>
        <translation>&amp;Ajustes de audio…</translation>
    </message>
    <message>
        <source>Output device, sample rate, block size</source>
        <translation>Dispositivo de salida, frecuencia de muestreo, tamaño de bloque</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Reset Mix</source>
        <translation>&amp;Restablecer mezcla</translation>
    </message>
    <message>
        <source>Every stem to 0 dB, centred, unmuted and unsoloed, and the master to 0 dB (Undo brings the mix back)</source>
        <translation>Cada stem a 0 dB, centrado, sin mute ni solo, y el máster a 0 dB (Deshacer recupera la mezcla)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Every key of stemdeck</source>
        <translation>Todas las teclas de stemdeck</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About stemdeck</source>
        <translation>&amp;Acerca de stemdeck</translation>
    </message>
    <message>
        <source>Versions of stemdeck and its libraries</source>
        <translation>Versiones de stemdeck y sus bibliotecas</translation>
    </message>
</context>
<context>
    <name>MasterStrip</name>
    <message>
        <source>Master</source>
        <translation>Máster</translation>
    </message>
    <message>
        <source>Highest output peak in the last moments (dBFS)</source>
        <translation>Pico de salida más alto en los últimos instantes (dBFS)</translation>
    </message>
    <message>
        <source>peak -∞</source>
        <translation>pico -∞</translation>
    </message>
    <message>
        <source>Master volume (double-click for 0 dB)</source>
        <translation>Volumen máster (doble clic para 0 dB)</translation>
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
        <translation>Abre una carpeta de canción con Archivo › Abrir, o suéltala en esta ventana.</translation>
    </message>
    <message>
        <source>Mixer</source>
        <translation>Mezclador</translation>
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
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <source>entry %1 (%2)</source>
        <translation>entrada %1 (%2)</translation>
    </message>
    <message>
        <source>%1: no song folder at %2</source>
        <translation>%1: no hay carpeta de canción en %2</translation>
    </message>
    <message>
        <source>%1: %2 is a file, not a song folder</source>
        <translation>%1: %2 es un archivo, no una carpeta de canción</translation>
    </message>
    <message>
        <source>%1: no stems the loader can take</source>
        <translation>%1: ningún stem que el cargador pueda leer</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
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
        <translation>Añadir canciones</translation>
    </message>
    <message>
        <source>Add Song</source>
        <translation>Añadir canción</translation>
    </message>
    <message>
        <source>Remove Songs</source>
        <translation>Quitar canciones</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>Quitar canción</translation>
    </message>
    <message>
        <source>Move Song</source>
        <translation>Mover canción</translation>
    </message>
    <message>
        <source>Change Song Settings</source>
        <translation>Cambiar ajustes de la canción</translation>
    </message>
    <message>
        <source>Rename Set</source>
        <translation>Renombrar set</translation>
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
        <translation>Restablecer el tempo al 100 % (el tempo propio de la canción)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Pitch</source>
        <translation>Afinación</translation>
    </message>
    <message>
        <source>Transpose by semitones, without changing the tempo</source>
        <translation>Transportar por semitonos, sin cambiar el tempo</translation>
    </message>
    <message>
        <source> st</source>
        <translation> st</translation>
    </message>
    <message>
        <source>Fine tuning in cents (to match a detuned instrument)</source>
        <translation>Afinación fina en cents (para igualar un instrumento desafinado)</translation>
    </message>
    <message>
        <source> ct</source>
        <translation> ct</translation>
    </message>
    <message>
        <source>Reset the pitch to the original key (0 st, 0 ct)</source>
        <translation>Volver a la tonalidad original (0 st, 0 ct)</translation>
    </message>
    <message>
        <source>Metronome click while playing</source>
        <translation>Claqueta de metrónomo durante la reproducción</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Claqueta</translation>
    </message>
    <message>
        <source>Click level</source>
        <translation>Nivel de la claqueta</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Song tempo for the click (from meta.json when the song gives it)</source>
        <translation>Tempo de la canción para la claqueta (de meta.json si la canción lo indica)</translation>
    </message>
    <message>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <source>Tap along to set the tempo</source>
        <translation>Marca el pulso para fijar el tempo</translation>
    </message>
    <message>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <source>Time signature</source>
        <translation>Compás</translation>
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
        <translation>Compases de claqueta antes de que empiece la reproducción</translation>
    </message>
    <message>
        <source>Count-in </source>
        <translation>Cuenta previa </translation>
    </message>
    <message>
        <source>No count-in</source>
        <translation>Sin cuenta previa</translation>
    </message>
    <message>
        <source>Fine pitch in cents</source>
        <translation>Afinación fina en cents</translation>
    </message>
    <message>
        <source>Click tempo</source>
        <translation>Tempo de la claqueta</translation>
    </message>
    <message>
        <source>Count-in</source>
        <translation>Cuenta previa</translation>
    </message>
    <message>
        <source>Reset tempo</source>
        <translation>Restablecer el tempo</translation>
    </message>
    <message>
        <source>Reset pitch</source>
        <translation>Restablecer el tono</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Audio Settings</source>
        <translation>Ajustes de audio</translation>
    </message>
    <message>
        <source>Output device</source>
        <translation>Dispositivo de salida</translation>
    </message>
    <message>
        <source>Where the mix is played</source>
        <translation>Dónde suena la mezcla</translation>
    </message>
    <message>
        <source>Sample rate</source>
        <translation>Frecuencia de muestreo</translation>
    </message>
    <message>
        <source>Songs at another rate are converted while they load</source>
        <translation>Las canciones con otra frecuencia se convierten al cargarse</translation>
    </message>
    <message>
        <source>Block size</source>
        <translation>Tamaño de bloque</translation>
    </message>
    <message>
        <source>Smaller blocks react faster; larger blocks are safer against dropouts</source>
        <translation>Los bloques pequeños responden antes; los grandes protegen mejor contra cortes</translation>
    </message>
    <message>
        <source>Follow the song's sample rate when the device supports it</source>
        <translation>Seguir la frecuencia de muestreo de la canción si el dispositivo la admite</translation>
    </message>
    <message>
        <source>A song opened at another rate than the output's switches the output to its rate instead of being converted (faster to open, the samples untouched)</source>
        <translation>Una canción con otra frecuencia que la de la salida cambia la salida a su frecuencia en vez de convertirse (abre más rápido y no toca las muestras)</translation>
    </message>
    <message>
        <source>Latency monitor</source>
        <translation>Monitor de latencia</translation>
    </message>
    <message>
        <source>Times every audio callback and shows the figures in a panel</source>
        <translation>Mide cada callback de audio y muestra las cifras en un panel</translation>
    </message>
    <message>
        <source>Measures how long each audio block takes to mix, and counts dropouts. Switch it on when tuning the block size.</source>
        <translation>Mide cuánto tarda en mezclarse cada bloque de audio y cuenta los cortes. Actívalo al ajustar el tamaño de bloque.</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <source>Output channels</source>
        <translation>Canales de salida</translation>
    </message>
    <message>
        <source>All channels lets stems and the click play on their own outputs</source>
        <translation>Con todos los canales, los stems y la claqueta pueden sonar por sus propias salidas</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <source>Open the chosen output again, for example after it was unplugged or its server restarted</source>
        <translation>Abrir de nuevo la salida elegida, por ejemplo tras desconectarla o reiniciar su servidor</translation>
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
        <translation>Panorama (doble clic para centrar)</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Volume (double-click for 0 dB)</source>
        <translation>Volumen (doble clic para 0 dB)</translation>
    </message>
    <message>
        <source>0.0 dB</source>
        <translation>0.0 dB</translation>
    </message>
    <message>
        <source>Mute this stem</source>
        <translation>Silenciar este stem</translation>
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
        <translation>Sin canción</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>00:00.0</source>
        <translation>00:00.0</translation>
    </message>
    <message>
        <source>Song length</source>
        <translation>Duración de la canción</translation>
    </message>
    <message>
        <source>/ 00:00.0</source>
        <translation>/ 00:00.0</translation>
    </message>
    <message>
        <source>Beats of count-in left before the song starts</source>
        <translation>Tiempos de cuenta previa que faltan antes de que empiece la canción</translation>
    </message>
    <message>
        <source>Click or drag to jump in the song</source>
        <translation>Haz clic o arrastra para saltar en la canción</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::ExportJob</name>
    <message>
        <source>%1 is the song's own %2: exporting there would destroy it. Nothing was written; choose another file name.</source>
        <translation>%1 es el propio %2 de la canción: exportar ahí lo destruiría. No se escribió nada; elige otro nombre de archivo.</translation>
    </message>
    <message>
        <source>There is no song to export.</source>
        <translation>No hay ninguna canción que exportar.</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Exportación cancelada; no se escribió %1.</translation>
    </message>
    <message>
        <source>The song stopped loading before it was complete (another song was opened); %1 was not written.</source>
        <translation>La canción dejó de cargarse antes de completarse (se abrió otra canción); no se escribió %1.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2. Nothing was written; choose another file or folder.</source>
        <translation>No se pudo exportar a %1: %2. No se escribió nada; elige otro archivo o carpeta.</translation>
    </message>
    <message>
        <source>Could not export to %1: %2.</source>
        <translation>No se pudo exportar a %1: %2.</translation>
    </message>
    <message>
        <source>Exported the mix to %1.</source>
        <translation>Mezcla exportada a %1.</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::PlaybackManager</name>
    <message>
        <source>%1 cannot play at the song's %2 Hz; it runs at %3 Hz, and the song is resampled.</source>
        <translation>%1 no puede reproducir a los %2 Hz de la canción; funciona a %3 Hz y la canción se remuestrea.</translation>
    </message>
    <message>
        <source>%1 cannot play at %2 Hz; it runs at %3 Hz, and the audio settings now use the device's own rate.</source>
        <translation>%1 no puede reproducir a %2 Hz; funciona a %3 Hz y los ajustes de audio usan ahora la frecuencia propia del dispositivo.</translation>
    </message>
    <message>
        <source>No audio output</source>
        <translation>Sin salida de audio</translation>
    </message>
    <message>
        <source>%1 kHz</source>
        <translation>%1 kHz</translation>
    </message>
    <message>
        <source>%1-frame blocks</source>
        <translation>bloques de %1 muestras</translation>
    </message>
    <message>
        <source>%1 ms output latency</source>
        <translation>%1 ms de latencia de salida</translation>
    </message>
    <message>
        <source>The audio output was not changed: the song could not be prepared at the new sample rate (%1).</source>
        <translation>No se cambió la salida de audio: la canción no se pudo preparar a la nueva frecuencia de muestreo (%1).</translation>
    </message>
    <message>
        <source>The song cannot play on this output: it could not be prepared at %1 Hz (%2).</source>
        <translation>La canción no puede sonar por esta salida: no se pudo preparar a %1 Hz (%2).</translation>
    </message>
    <message>
        <source>No audio output is open. Choose a device in Settings.</source>
        <translation>No hay ninguna salida de audio abierta. Elige un dispositivo en Ajustes.</translation>
    </message>
    <message>
        <source>Audio could not start: %1. Choose an output in Settings (or reconnect there).</source>
        <translation>El audio no pudo empezar: %1. Elige una salida en Ajustes (o vuelve a conectar allí).</translation>
    </message>
    <message>
        <source>Audio stopped: %1. Playback is paused where it was; choose an output in Settings (or reconnect there) to carry on.</source>
        <translation>El audio se detuvo: %1. La reproducción está en pausa donde estaba; elige una salida en Ajustes (o vuelve a conectar allí) para seguir.</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::SectionVamp</name>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>No song to vamp.</source>
        <translation>No hay canción para repetir en vamp.</translation>
    </message>
    <message>
        <source>This song has no markers: add them (M) where its sections start, then vamp a section.</source>
        <translation>Esta canción no tiene marcadores: añádelos (M) donde empiezan sus secciones y después haz vamp de una sección.</translation>
    </message>
    <message>
        <source>The section here is too short to vamp.</source>
        <translation>La sección aquí es demasiado corta para hacer vamp.</translation>
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
        <translation>claqueta</translation>
    </message>
    <message>
        <source>count-in %1</source>
        <translation>cuenta previa %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>parar</translation>
    </message>
    <message>
        <source>gap %1 s</source>
        <translation>pausa %1 s</translation>
    </message>
    <message>
        <source>segue</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>crossfade %1 s</source>
        <translation>fundido %1 s</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>no encontrada</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Song</source>
        <translation>Canción</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>%1: not a song folder or a set file</source>
        <translation>%1: no es una carpeta de canción ni un archivo de set</translation>
    </message>
    <message>
        <source>Move Songs</source>
        <translation>Mover canciones</translation>
    </message>
    <message>
        <source>Move Song</source>
        <translation>Mover canción</translation>
    </message>
</context>
<context>
    <name>stemdeck::app::set::SetPlayer</name>
    <message>
        <source>%1: the song has no marker '%2'; it starts at its beginning</source>
        <translation>%1: la canción no tiene el marcador '%2'; empieza desde el principio</translation>
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
        <translation>Set sin título</translation>
    </message>
    <message>
        <source>The set has no file yet: use Save Set As.</source>
        <translation>El set aún no tiene archivo: usa Guardar set como.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::AnalysisPanel</name>
    <message>
        <source>Song Analysis</source>
        <translation>Análisis de la canción</translation>
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
        <translation>Adelantar 10 ms el primer tiempo fuerte (y toda la rejilla)</translation>
    </message>
    <message>
        <source>Move the first downbeat (and the whole grid) 10 ms later</source>
        <translation>Retrasar 10 ms el primer tiempo fuerte (y toda la rejilla)</translation>
    </message>
    <message>
        <source>e.g. A minor</source>
        <translation>p. ej. La menor</translation>
    </message>
    <message>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>First downbeat:</source>
        <translation>Primer tiempo fuerte:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Tonalidad:</translation>
    </message>
    <message>
        <source>Write to meta.json</source>
        <translation>Guardar en meta.json</translation>
    </message>
    <message>
        <source>Keep this tempo, meter and key in the song folder's meta.json</source>
        <translation>Guardar este tempo, compás y tonalidad en el meta.json de la carpeta de la canción</translation>
    </message>
    <message>
        <source>Analysing the song…</source>
        <translation>Analizando la canción…</translation>
    </message>
    <message>
        <source>No analysis for this song (its meta.json gives tempo, meter and key, or no song).</source>
        <translation>No hay análisis para esta canción (su meta.json ya indica tempo, compás y tonalidad, o no hay canción).</translation>
    </message>
    <message>
        <source>Found %1 BPM, %2 (tempo confidence %3 %, key %4 %). %5</source>
        <translation>Encontrado: %1 BPM, %2 (fiabilidad del tempo %3 %, de la tonalidad %4 %). %5</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>sin tonalidad</translation>
    </message>
    <message>
        <source>The click keeps meta.json's tempo.</source>
        <translation>La claqueta mantiene el tempo de meta.json.</translation>
    </message>
    <message>
        <source>Written to meta.json.</source>
        <translation>Guardado en meta.json.</translation>
    </message>
    <message>
        <source>meta.json was not written: %1</source>
        <translation>No se guardó meta.json: %1</translation>
    </message>
    <message>
        <source>Suggest Sections</source>
        <translation>Sugerir secciones</translation>
    </message>
    <message>
        <source>Find where the song's sections start, on bar lines</source>
        <translation>Buscar dónde empiezan las secciones de la canción, en inicios de compás</translation>
    </message>
    <message>
        <source>Add as Markers</source>
        <translation>Añadir como marcadores</translation>
    </message>
    <message>
        <source>Add the suggested section starts to the song's markers</source>
        <translation>Añadir los inicios de sección sugeridos a los marcadores de la canción</translation>
    </message>
    <message>
        <source>Sections can be suggested once the song has loaded.</source>
        <translation>Las secciones se pueden sugerir cuando la canción haya cargado.</translation>
    </message>
    <message>
        <source>Listening for sections…</source>
        <translation>Buscando secciones…</translation>
    </message>
    <message>
        <source>%1  (bar %2)</source>
        <translation>%1  (compás %2)</translation>
    </message>
    <message>
        <source>No section changes were found.</source>
        <translation>No se encontraron cambios de sección.</translation>
    </message>
    <message numerus="yes">
        <source>%n section start(s) found.</source>
        <translation><numerusform>Se encontró %n inicio de sección.</numerusform><numerusform>Se encontraron %n inicios de sección.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n marker(s) added.</source>
        <translation><numerusform>Se añadió %n marcador.</numerusform><numerusform>Se añadieron %n marcadores.</numerusform></translation>
    </message>
    <message>
        <source>Every suggestion already has a marker.</source>
        <translation>Cada sugerencia ya tiene un marcador.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::AnalysisWindowPart</name>
    <message>
        <source>Song &amp;Analysis…</source>
        <translation>&amp;Análisis de la canción…</translation>
    </message>
    <message>
        <source>The tempo, first downbeat and key found in the song: confirm, correct or write them to meta.json</source>
        <translation>El tempo, el primer tiempo fuerte y la tonalidad encontrados en la canción: confírmalos, corrígelos o guárdalos en meta.json</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ControlKeys</name>
    <message>
        <source>There is no action %1</source>
        <translation>No existe la acción %1</translation>
    </message>
    <message>
        <source>%1 needs values no key can give: use MIDI, OSC or the web remote</source>
        <translation>%1 necesita valores que ninguna tecla puede dar: usa MIDI, OSC o el control web</translation>
    </message>
    <message>
        <source>%1 is already %2</source>
        <translation>%1 ya es %2</translation>
    </message>
    <message>
        <source>At most %1 keys per action</source>
        <translation>Como máximo %1 teclas por acción</translation>
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
        <translation>también %1</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Teclas</translation>
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
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Needs values a key cannot give: MIDI, OSC or the web remote</source>
        <translation>Necesita valores que una tecla no puede dar: MIDI, OSC o el control web</translation>
    </message>
    <message>
        <source>%1: no keys</source>
        <translation>%1: sin teclas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: default keys</source>
        <translation>%1: teclas predeterminadas</translation>
    </message>
    <message>
        <source>Reset &amp;All Keys</source>
        <translation>Restablecer &amp;todas las teclas</translation>
    </message>
    <message>
        <source>Every action has its default keys</source>
        <translation>Cada acción vuelve a sus teclas predeterminadas</translation>
    </message>
    <message>
        <source>Page-turner pedals send Page Down and Page Up: by default the next and the previous marker.</source>
        <translation>Los pedales pasapáginas envían Av Pág y Re Pág: por defecto, el marcador siguiente y el anterior.</translation>
    </message>
    <message>
        <source>Let OSC surfaces drive stemdeck (UDP)</source>
        <translation>Permitir que superficies OSC controlen stemdeck (UDP)</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only; 0.0.0.0: every network</source>
        <translation>127.0.0.1: solo este equipo; 0.0.0.0: todas las redes</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>OSC: %1 is not an IP address</source>
        <translation>OSC: %1 no es una dirección IP</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every network this machine is on: anyone there can drive the show (OSC has no password).</source>
        <translation>0.0.0.0 escucha en todas las redes de este equipo: cualquiera en ellas puede controlar el show (OSC no tiene contraseña).</translation>
    </message>
    <message>
        <source>Reachable from that network: OSC has no password.</source>
        <translation>Accesible desde esa red: OSC no tiene contraseña.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ExportDialog</name>
    <message>
        <source> mix.wav</source>
        <translation> mezcla.wav</translation>
    </message>
    <message>
        <source>Tempo %1 %, pitch %2 cents</source>
        <translation>Tempo %1 %, afinación %2 cents</translation>
    </message>
    <message>
        <source>(%1 s – %2 s)</source>
        <translation>(%1 s – %2 s)</translation>
    </message>
    <message>
        <source>(set a loop first)</source>
        <translation>(define primero un bucle)</translation>
    </message>
    <message>
        <source>Export Mix</source>
        <translation>Exportar mezcla</translation>
    </message>
    <message>
        <source>WAV (*.wav);;FLAC (*.flac)</source>
        <translation>WAV (*.wav);;FLAC (*.flac)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Elige un archivo de destino.</translation>
    </message>
    <message>
        <source>%1 is a folder; add a file name.</source>
        <translation>%1 es una carpeta; añade un nombre de archivo.</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Open a song first.</source>
        <translation>Abre primero una canción.</translation>
    </message>
    <message>
        <source>Waiting for the song to finish loading, then exporting to %1…</source>
        <translation>Esperando a que termine de cargar la canción; después se exportará a %1…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LanguageSettingsPage</name>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The language changes the next time stemdeck starts.</source>
        <translation>El idioma cambia la próxima vez que se inicie stemdeck.</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LatencyPanel</name>
    <message>
        <source>%1 frames · %2 kHz</source>
        <translation>%1 muestras · %2 kHz</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Monitor off</source>
        <translation>Monitor apagado</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>Midiendo</translation>
    </message>
    <message>
        <source>Waiting for audio</source>
        <translation>Esperando audio</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::LyricsPanel</name>
    <message>
        <source>Capo</source>
        <translation>Cejilla</translation>
    </message>
    <message>
        <source>Chord names as played with a capo on this fret</source>
        <translation>Nombres de acordes tal como se tocan con la cejilla en este traste</translation>
    </message>
    <message>
        <source>No lyrics or chords for this song
(lyrics.lrc, lyrics.txt, a .cho chord sheet or meta.json chords in its folder)</source>
        <translation>No hay letra ni acordes para esta canción
(lyrics.lrc, lyrics.txt, una hoja de acordes .cho o acordes en meta.json en su carpeta)</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MainWindow</name>
    <message>
        <source>&amp;Export Mix…</source>
        <translation>&amp;Exportar mezcla…</translation>
    </message>
    <message>
        <source>Jump to Marker %1</source>
        <translation>Saltar al marcador %1</translation>
    </message>
    <message>
        <source>Jump to the song's marker %1</source>
        <translation>Saltar al marcador %1 de la canción</translation>
    </message>
    <message>
        <source>Rename Marker</source>
        <translation>Renombrar marcador</translation>
    </message>
    <message>
        <source>Name (Verse, Chorus, Bridge…):</source>
        <translation>Nombre (Estrofa, Estribillo, Puente…):</translation>
    </message>
    <message>
        <source>End of song</source>
        <translation>Final de la canción</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Carga cancelada</translation>
    </message>
    <message>
        <source>Open Song Folder</source>
        <translation>Abrir carpeta de canción</translation>
    </message>
    <message>
        <source>%1 — stemdeck</source>
        <translation>%1 — stemdeck</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %1: %n stem(s)</source>
        <translation><numerusform>Cargada %1: %n stem</numerusform><numerusform>Cargada %1: %n stems</numerusform></translation>
    </message>
    <message>
        <source>The song in %1 could not be opened.</source>
        <translation>No se pudo abrir la canción de %1.</translation>
    </message>
    <message>
        <source>Could not open song</source>
        <translation>No se pudo abrir la canción</translation>
    </message>
    <message>
        <source>The current song stays loaded.</source>
        <translation>La canción actual sigue cargada.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Re&amp;producir</translation>
    </message>
    <message>
        <source>More &amp;Controls</source>
        <translation>Más &amp;controles</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Stage View</source>
        <translation>Vista de &amp;escenario</translation>
    </message>
    <message>
        <source>Full screen view for the stage: section, bar.beat, time left</source>
        <translation>Vista a pantalla completa para el escenario: sección, compás.tiempo, tiempo restante</translation>
    </message>
    <message>
        <source>Lock &amp;Mix</source>
        <translation>Bloquear &amp;mezcla</translation>
    </message>
    <message>
        <source>Faders, pans, mutes, solos and routing ignore the mouse and keys</source>
        <translation>Faders, panoramas, mutes, solos y enrutamiento ignoran el ratón y las teclas</translation>
    </message>
    <message>
        <source>Mix locked</source>
        <translation>Mezcla bloqueada</translation>
    </message>
    <message>
        <source>View › Lock Mix (%1) unlocks</source>
        <translation>Ver › Bloquear mezcla (%1) la desbloquea</translation>
    </message>
    <message>
        <source>Mix unlocked</source>
        <translation>Mezcla desbloqueada</translation>
    </message>
    <message>
        <source>Lyrics and Chords</source>
        <translation>Letra y acordes</translation>
    </message>
    <message>
        <source>&amp;Lyrics and Chords</source>
        <translation>&amp;Letra y acordes</translation>
    </message>
    <message>
        <source>The song's lyrics and chords as it plays, chords in the played key</source>
        <translation>La letra y los acordes de la canción mientras suena, acordes en la tonalidad tocada</translation>
    </message>
    <message>
        <source>L&amp;yrics</source>
        <translation>&amp;Letras</translation>
    </message>
    <message>
        <source>&amp;Stamp Lyrics…</source>
        <translation>&amp;Sincronizar letra…</translation>
    </message>
    <message>
        <source>Time the song's lyrics line by line as it plays, and save them as LRC</source>
        <translation>Marcar el tiempo de la letra línea a línea mientras suena la canción y guardarla como LRC</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MasterStrip</name>
    <message>
        <source>Master Level</source>
        <translation>Nivel máster</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>pico %1</translation>
    </message>
    <message>
        <source>peak -∞</source>
        <translation>pico -∞</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MidiControlTab</name>
    <message>
        <source>any channel</source>
        <translation>cualquier canal</translation>
    </message>
    <message>
        <source>ch %1</source>
        <translation>can. %1</translation>
    </message>
    <message>
        <source>note %1 %2</source>
        <translation>nota %1 %2</translation>
    </message>
    <message>
        <source>CC %1 %2</source>
        <translation>CC %1 %2</translation>
    </message>
    <message>
        <source>program change %1</source>
        <translation>cambio de programa %1</translation>
    </message>
    <message>
        <source>MIDI system: %1</source>
        <translation>Sistema MIDI: %1</translation>
    </message>
    <message>
        <source>Let a MIDI controller or pedal drive stemdeck</source>
        <translation>Permitir que un controlador o pedal MIDI controle stemdeck</translation>
    </message>
    <message>
        <source>"virtual": a port of stemdeck's own to connect the controller to</source>
        <translation>"virtual": un puerto propio de stemdeck al que conectar el controlador</translation>
    </message>
    <message>
        <source>&amp;Learn</source>
        <translation>&amp;Aprender</translation>
    </message>
    <message>
        <source>Then press the pedal or move the control to bind to the action</source>
        <translation>Después pisa el pedal o mueve el control que quieres asignar a la acción</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Import MIDI Mapping</source>
        <translation>Importar mapeo MIDI</translation>
    </message>
    <message>
        <source>MIDI mappings (*.json)</source>
        <translation>Mapeos MIDI (*.json)</translation>
    </message>
    <message>
        <source>Export MIDI Mapping</source>
        <translation>Exportar mapeo MIDI</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>Off. %1</source>
        <translation>Desactivado. %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Aprender</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Learn cancelled</source>
        <translation>Aprendizaje cancelado</translation>
    </message>
    <message>
        <source>%1: press the pedal or move the control…</source>
        <translation>%1: pisa el pedal o mueve el control…</translation>
    </message>
    <message>
        <source>MIDI mapping: %1</source>
        <translation>Mapeo MIDI: %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>No importado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n binding(s)</source>
        <translation><numerusform>%n asignación importada</numerusform><numerusform>%n asignaciones importadas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n left out, first: %1</source>
        <translation><numerusform>; %n omitida, la primera: %1</numerusform><numerusform>; %n omitidas, la primera: %1</numerusform></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>No exportado: %1</translation>
    </message>
    <message>
        <source>Takeover</source>
        <translation>Recogida</translation>
    </message>
    <message>
        <source>Send MIDI &amp;clock</source>
        <translation>Enviar &amp;reloj MIDI</translation>
    </message>
    <message>
        <source>24 ticks per beat with Start, Stop and song position: a drum machine follows</source>
        <translation>24 pulsos por tiempo con Start, Stop y posición de canción: una caja de ritmos la sigue</translation>
    </message>
    <message>
        <source>MIDI clock output</source>
        <translation>Salida del reloj MIDI</translation>
    </message>
    <message>
        <source>"virtual": stemdeck's clock port alone, to connect a synth to</source>
        <translation>"virtual": solo el puerto de reloj de stemdeck, al que conectar un sintetizador</translation>
    </message>
    <message>
        <source>Clock output</source>
        <translation>Salida del reloj</translation>
    </message>
    <message>
        <source>Takeover of %1</source>
        <translation>Recogida de %1</translation>
    </message>
    <message>
        <source>Pick up: the fader acts once it reaches the value; jump: at once</source>
        <translation>Recoger: el fader actúa cuando alcanza el valor; saltar: de inmediato</translation>
    </message>
    <message>
        <source>pick up</source>
        <translation>recoger</translation>
    </message>
    <message>
        <source>jump</source>
        <translation>saltar</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MixUndo</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::MixerPanel</name>
    <message>
        <source>Master Level</source>
        <translation>Nivel máster</translation>
    </message>
    <message>
        <source>%1 Level</source>
        <translation>Nivel de %1</translation>
    </message>
    <message>
        <source>%1 Pan</source>
        <translation>Panorama de %1</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Silenciar %1</translation>
    </message>
    <message>
        <source>Unmute %1</source>
        <translation>Quitar silencio de %1</translation>
    </message>
    <message>
        <source>Solo %1</source>
        <translation>Solo %1</translation>
    </message>
    <message>
        <source>Unsolo %1</source>
        <translation>Quitar solo de %1</translation>
    </message>
    <message>
        <source>Reset Mix</source>
        <translation>Restablecer mezcla</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::RecentSongsMenu</name>
    <message>
        <source>%1 (set)</source>
        <translation>%1 (set)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No recent songs</source>
        <translation>No hay canciones recientes</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::RehearsalBar</name>
    <message>
        <source>Practice tempo, without changing the pitch (%1–%2 %)</source>
        <translation>Tempo de ensayo, sin cambiar la afinación (%1–%2 %)</translation>
    </message>
    <message numerus="yes">
        <source> bar(s)</source>
        <comment>count-in length</comment>
        <translation><numerusform> compás</numerusform><numerusform> compases</numerusform></translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetCuesBox</name>
    <message>
        <source>Spoken cues</source>
        <translation>Avisos hablados</translation>
    </message>
    <message>
        <source>Say each marker's name one bar before it, on the click's outputs</source>
        <translation>Decir el nombre de cada marcador un compás antes, por las salidas de la claqueta</translation>
    </message>
    <message>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <source>Level of the spoken cues</source>
        <translation>Nivel de los avisos hablados</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetEntryEditor</name>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Segue</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Fundido cruzado</translation>
    </message>
    <message>
        <source>How this song leads into the next one</source>
        <translation>Cómo pasa esta canción a la siguiente</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Silence before the next song</source>
        <translation>Silencio antes de la siguiente canción</translation>
    </message>
    <message>
        <source>The next song starts this long before this one ends</source>
        <translation>La siguiente canción empieza este tiempo antes de que termine esta</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Después</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Tempo (pitch unchanged)</source>
        <translation>Tempo (sin cambiar la afinación)</translation>
    </message>
    <message>
        <source> st</source>
        <translation> st</translation>
    </message>
    <message>
        <source>Transposition in semitones</source>
        <translation>Transporte en semitonos</translation>
    </message>
    <message>
        <source> ct</source>
        <translation> ct</translation>
    </message>
    <message>
        <source>Fine pitch in cents</source>
        <translation>Afinación fina en cents</translation>
    </message>
    <message>
        <source>Tempo, pitch</source>
        <translation>Tempo, afinación</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Claqueta</translation>
    </message>
    <message>
        <source>count-in </source>
        <translation>cuenta previa </translation>
    </message>
    <message>
        <source> bars</source>
        <translation> compases</translation>
    </message>
    <message>
        <source>Start at this marker instead of the song's start</source>
        <translation>Empezar en este marcador en lugar del inicio de la canción</translation>
    </message>
    <message>
        <source>the song's start</source>
        <translation>el inicio de la canción</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Empezar en</translation>
    </message>
    <message>
        <source>Count-in</source>
        <translation>Cuenta previa</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetUndo</name>
    <message>
        <source>Undo Set Edit</source>
        <translation>Deshacer edición del set</translation>
    </message>
    <message>
        <source>Undo Set Edit: %1</source>
        <translation>Deshacer edición del set: %1</translation>
    </message>
    <message>
        <source>Redo Set Edit</source>
        <translation>Rehacer edición del set</translation>
    </message>
    <message>
        <source>Redo Set Edit: %1</source>
        <translation>Rehacer edición del set: %1</translation>
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
        <translation>&amp;Nuevo set</translation>
    </message>
    <message>
        <source>Open &amp;Set…</source>
        <translation>Abrir &amp;set…</translation>
    </message>
    <message>
        <source>Sa&amp;ve Set</source>
        <translation>&amp;Guardar set</translation>
    </message>
    <message>
        <source>Save Set &amp;As…</source>
        <translation>Guardar set &amp;como…</translation>
    </message>
    <message>
        <source>Pre&amp;vious Song</source>
        <translation>Canción an&amp;terior</translation>
    </message>
    <message>
        <source>The set's previous song</source>
        <translation>La canción anterior del set</translation>
    </message>
    <message>
        <source>Ne&amp;xt Song</source>
        <translation>Canción si&amp;guiente</translation>
    </message>
    <message>
        <source>The set's next song</source>
        <translation>La canción siguiente del set</translation>
    </message>
    <message>
        <source>Open Set</source>
        <translation>Abrir set</translation>
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
        <translation>Set sin guardar</translation>
    </message>
    <message>
        <source>The set “%1” has changes that are not saved.</source>
        <translation>El set «%1» tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>Could not open the set: %1</source>
        <translation>No se pudo abrir el set: %1</translation>
    </message>
    <message>
        <source>Could not open set</source>
        <translation>No se pudo abrir el set</translation>
    </message>
    <message numerus="yes">
        <source>Opened set %1: %n song(s)</source>
        <translation><numerusform>Set %1 abierto: %n canción</numerusform><numerusform>Set %1 abierto: %n canciones</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Opened set %1: %n problem(s), see the red rows</source>
        <translation><numerusform>Set %1 abierto: %n problema, mira las filas rojas</numerusform><numerusform>Set %1 abierto: %n problemas, mira las filas rojas</numerusform></translation>
    </message>
    <message>
        <source>Saved set %1</source>
        <translation>Set %1 guardado</translation>
    </message>
    <message>
        <source>Save Set As</source>
        <translation>Guardar set como</translation>
    </message>
    <message>
        <source>Add Songs to the Set</source>
        <translation>Añadir canciones al set</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::SetlistPanel</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Add song folders to the set (or drop them on the list)</source>
        <translation>Añadir carpetas de canciones al set (o soltarlas en la lista)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected songs from the set</source>
        <translation>Quitar del set las canciones seleccionadas</translation>
    </message>
    <message>
        <source>Setlist</source>
        <translation>Setlist</translation>
    </message>
    <message>
        <source>Set %1 · left %2</source>
        <translation>Set %1 · quedan %2</translation>
    </message>
    <message>
        <source>The set's name</source>
        <translation>Nombre del set</translation>
    </message>
    <message>
        <source>Remove Songs</source>
        <translation>Quitar canciones</translation>
    </message>
    <message>
        <source>Remove Song</source>
        <translation>Quitar canción</translation>
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
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>How Markers › Vamp Section ends when it is released</source>
        <translation>Cómo termina Marcadores › Vamp de sección al soltarlo</translation>
    </message>
    <message>
        <source>At the end of the pass</source>
        <translation>Al final de la pasada</translation>
    </message>
    <message>
        <source>At the next bar line (a seamless jump)</source>
        <translation>En la siguiente barra de compás (un salto sin cortes)</translation>
    </message>
    <message>
        <source>Vamp release</source>
        <translation>Salida del vamp</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (predeterminado)</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (no disponible)</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>%1: %2 frames (%3 ms)</source>
        <translation>%1: %2 muestras (%3 ms)</translation>
    </message>
    <message>
        <source>Stereo (1–2)</source>
        <translation>Estéreo (1–2)</translation>
    </message>
    <message>
        <source>All channels of the device (%1)</source>
        <translation>Todos los canales del dispositivo (%1)</translation>
    </message>
    <message>
        <source>All channels of the device</source>
        <translation>Todos los canales del dispositivo</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Claqueta</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Each stem and the click play on the outputs chosen here.</source>
        <translation>Cada stem y la claqueta suenan por las salidas elegidas aquí.</translation>
    </message>
    <message>
        <source>Routing needs a device with 4 or more outputs, opened with all its channels.</source>
        <translation>El enrutamiento necesita un dispositivo con 4 o más salidas, abierto con todos sus canales.</translation>
    </message>
    <message>
        <source>Device default (%1 Hz)</source>
        <translation>Predeterminado del dispositivo (%1 Hz)</translation>
    </message>
    <message>
        <source>Device default</source>
        <translation>Predeterminado del dispositivo</translation>
    </message>
    <message>
        <source>Preparing the song for the new sample rate…</source>
        <translation>Preparando la canción para la nueva frecuencia de muestreo…</translation>
    </message>
    <message>
        <source>Playing on %1</source>
        <translation>Sonando en %1</translation>
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
        <translation>Otros</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>The keys work wherever the focus is, except while you type into a field.</source>
        <translation>Las teclas funcionan esté donde esté el foco, salvo mientras escribes en un campo.</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StageView</name>
    <message>
        <source>MIX LOCKED</source>
        <translation>MEZCLA BLOQUEADA</translation>
    </message>
    <message>
        <source>◀◀ Previous Song</source>
        <translation>◀◀ Canción anterior</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Next Song ▶▶</source>
        <translation>Canción siguiente ▶▶</translation>
    </message>
    <message>
        <source>Vamp</source>
        <translation>Vamp</translation>
    </message>
    <message>
        <source>No song</source>
        <translation>Sin canción</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>Soltar %1</translation>
    </message>
    <message>
        <source>Vamp %1</source>
        <translation>Vamp %1</translation>
    </message>
    <message>
        <source>Last song of the set</source>
        <translation>Última canción del set</translation>
    </message>
    <message>
        <source>Next song: %1</source>
        <translation>Siguiente canción: %1</translation>
    </message>
    <message>
        <source>Song −%1</source>
        <translation>Canción −%1</translation>
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
        <translation>Siguiente: %1 en %2</translation>
    </message>
    <message>
        <source>Count-in %1</source>
        <translation>Cuenta previa %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StampWindow</name>
    <message>
        <source>Stamp Lyrics</source>
        <translation>Sincronizar letra</translation>
    </message>
    <message>
        <source>Play the song and press &lt;b&gt;Return&lt;/b&gt; or &lt;b&gt;T&lt;/b&gt; as each line starts. &lt;b&gt;Space&lt;/b&gt; plays or pauses; &lt;b&gt;-&lt;/b&gt; / &lt;b&gt;+&lt;/b&gt; move the selected line by 10 ms; &lt;b&gt;P&lt;/b&gt; plays from it; &lt;b&gt;Delete&lt;/b&gt; clears its stamp.</source>
        <translation>Reproduce la canción y pulsa &lt;b&gt;Return&lt;/b&gt; o &lt;b&gt;T&lt;/b&gt; cuando empiece cada línea. &lt;b&gt;Space&lt;/b&gt; reproduce o pausa; &lt;b&gt;-&lt;/b&gt; / &lt;b&gt;+&lt;/b&gt; mueven la línea seleccionada 10 ms; &lt;b&gt;P&lt;/b&gt; reproduce desde ella; &lt;b&gt;Delete&lt;/b&gt; borra su marca.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Open Text…</source>
        <translation>Abrir texto…</translation>
    </message>
    <message>
        <source>Paste Text</source>
        <translation>Pegar texto</translation>
    </message>
    <message>
        <source>Play/Pause</source>
        <translation>Reproducir/Pausa</translation>
    </message>
    <message>
        <source>Stamp (Return)</source>
        <translation>Marcar (Return)</translation>
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
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Play from Line</source>
        <translation>Reproducir desde la línea</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Stamp Lyrics – %1</source>
        <translation>Sincronizar letra – %1</translation>
    </message>
    <message>
        <source>No lyrics yet: paste or open the song's text.</source>
        <translation>Todavía no hay letra: pega o abre el texto de la canción.</translation>
    </message>
    <message>
        <source>Song %1</source>
        <translation>Canción %1</translation>
    </message>
    <message>
        <source>Every line is stamped.</source>
        <translation>Todas las líneas están marcadas.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) left to stamp</source>
        <translation><numerusform>Queda %n línea por marcar</numerusform><numerusform>Quedan %n líneas por marcar</numerusform></translation>
    </message>
    <message>
        <source>No song to save the lyrics with.</source>
        <translation>No hay ninguna canción con la que guardar la letra.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
    <message>
        <source>Open Lyrics Text</source>
        <translation>Abrir texto de la letra</translation>
    </message>
    <message>
        <source>Lyrics (*.txt *.lrc);;All files (*)</source>
        <translation>Letras (*.txt *.lrc);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>No se puede leer %1</translation>
    </message>
    <message>
        <source>Replace the Lines</source>
        <translation>Reemplazar las líneas</translation>
    </message>
    <message>
        <source>Replace the lines and their stamps by this text?</source>
        <translation>¿Reemplazar las líneas y sus marcas por este texto?</translation>
    </message>
    <message>
        <source>The clipboard has no text.</source>
        <translation>El portapapeles no tiene texto.</translation>
    </message>
    <message>
        <source>Replace the lines and their stamps by the pasted text?</source>
        <translation>¿Reemplazar las líneas y sus marcas por el texto pegado?</translation>
    </message>
    <message>
        <source>Save the Stamps</source>
        <translation>Guardar las marcas</translation>
    </message>
    <message>
        <source>Another song was loaded. Save the lyrics stamped for %1 first?</source>
        <translation>Se ha cargado otra canción. ¿Guardar antes la letra sincronizada de %1?</translation>
    </message>
    <message>
        <source>Not saved, so still on %1: %2</source>
        <translation>No se guardó, así que sigue en %1: %2</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::StatusLine</name>
    <message>
        <source>Buffering…</source>
        <translation>Cargando búfer…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop loading; the current song stays</source>
        <translation>Dejar de cargar; la canción actual se queda</translation>
    </message>
    <message>
        <source>The song is still loading: playback waits for it to catch up, then carries on</source>
        <translation>La canción aún se está cargando: la reproducción espera a que se ponga al día y luego sigue</translation>
    </message>
    <message>
        <source>Audio settings…</source>
        <translation>Ajustes de audio…</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TimelineView</name>
    <message>
        <source>Jump Here</source>
        <translation>Saltar aquí</translation>
    </message>
    <message>
        <source>Loop Section</source>
        <translation>Bucle de la sección</translation>
    </message>
    <message>
        <source>Loop from this marker to the next one</source>
        <translation>Bucle desde este marcador hasta el siguiente</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>No song loaded</source>
        <translation>No hay canción cargada</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TrackStrip</name>
    <message>
        <source>%1 Level</source>
        <translation>Nivel de %1</translation>
    </message>
    <message>
        <source>%1 Pan</source>
        <translation>Panorama de %1</translation>
    </message>
    <message>
        <source>Mute %1</source>
        <translation>Silenciar %1</translation>
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
        <translation>Cuenta previa %1</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::TransportKeys</name>
    <message>
        <source>Apply what was typed into a field, give the keys back</source>
        <translation>Aplicar lo escrito en un campo y devolver las teclas</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Cancel what was typed into a number field, give the keys back</source>
        <translation>Cancelar lo escrito en un campo numérico y devolver las teclas</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Change the value of the field or fader clicked last</source>
        <translation>Cambiar el valor del último campo o fader pulsado</translation>
    </message>
    <message>
        <source>Up, Down (Page Up, Page Down when no action has them)</source>
        <translation>Arriba, Abajo (Re Pág, Av Pág si ninguna acción las usa)</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::VampWindowPart</name>
    <message>
        <source>&amp;Vamp Section</source>
        <translation>&amp;Vamp de sección</translation>
    </message>
    <message>
        <source>Repeat the section the play is in (marker to marker) until released</source>
        <translation>Repetir la sección que suena (de marcador a marcador) hasta soltarla</translation>
    </message>
    <message>
        <source>Vamping %1: %2 releases</source>
        <translation>Vamp de %1: %2 lo suelta</translation>
    </message>
</context>
<context>
    <name>stemdeck::ui::WebRemoteTab</name>
    <message>
        <source>Let phones and tablets drive stemdeck in a web browser</source>
        <translation>Permitir que móviles y tabletas controlen stemdeck desde un navegador</translation>
    </message>
    <message>
        <source>127.0.0.1: this machine only; 0.0.0.0: every network</source>
        <translation>127.0.0.1: solo este equipo; 0.0.0.0: todas las redes</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Read-only token</source>
        <translation>Token de solo lectura</translation>
    </message>
    <message>
        <source>Web remote: %1 is not an IP address</source>
        <translation>Control web: %1 no es una dirección IP</translation>
    </message>
    <message>
        <source>0.0.0.0 listens on every network this machine is on: anyone there with the token can drive the show.</source>
        <translation>0.0.0.0 escucha en todas las redes de este equipo: cualquiera en ellas con el token puede controlar el show.</translation>
    </message>
    <message>
        <source>Reachable from that network: keep the token to yourself.</source>
        <translation>Accesible desde esa red: no compartas el token.</translation>
    </message>
    <message>
        <source>Remote: %1</source>
        <translation>Control remoto: %1</translation>
    </message>
    <message>
        <source>Stage view (read-only): %1</source>
        <translation>Vista de escenario (solo lectura): %1</translation>
    </message>
</context>
</TS>
