"""Make the demo video and audio of home/data/media/ from ``media.json``: espeak-ng
reads each cue in Spanish, Pillow frames the illustrations of ``../images`` (our own
drawings) as slides, ffmpeg encodes a small WebM (VP9 + Opus) and an Ogg Opus file,
and the cue timings give the Spanish and English WebVTT captions.

    python home/data/media/make_media.py   (needs espeak-ng and ffmpeg; run once)

The demo loader and the tests only read the committed files, never this script. The
files are the project's own work, CC0 1.0 (LICENSE.md)."""

import json
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
IMAGES = HERE.parent / "images"
SLIDE_SIZE = (480, 300)
VOICE, SPEED = "es-419", 150
GAP = 0.4  # seconds of silence after each cue


def tool(name):
    """The full path of a program this script needs (espeak-ng, ffmpeg)."""
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is needed to make the demo media (apt-get install {name})")
    return path


def speak(text, path):
    command = [tool("espeak-ng"), "-v", VOICE, "-s", str(SPEED), "-w", str(path), text]
    subprocess.run(command, check=True)  # noqa: S603 - our own texts, no shell


def narrate(cues, work):
    """One WAV of every cue read in Spanish with a pause after each; (start, end) per cue."""
    frames, timings, params, position = [], [], None, 0.0
    for index, cue in enumerate(cues):
        path = work / f"cue-{index}.wav"
        speak(cue["es"], path)
        with wave.open(str(path)) as clip:
            params = clip.getparams()
            data = clip.readframes(clip.getnframes())
            duration = clip.getnframes() / clip.getframerate()
        silence = b"\0" * int(GAP * params.framerate) * params.sampwidth * params.nchannels
        frames.append(data + silence)
        timings.append((position, position + duration))
        position += duration + GAP
    narration = work / "narration.wav"
    with wave.open(str(narration), "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
    return narration, timings, position


def timestamp(seconds):
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def write_vtt(path, cues, timings, language):
    lines = ["WEBVTT", ""]
    for number, (cue, (start, end)) in enumerate(zip(cues, timings, strict=True), start=1):
        lines += [str(number), f"{timestamp(start)} --> {timestamp(end)}", cue[language], ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def slides(names, timings, total, work):
    """An ffmpeg concat list showing each illustration while its cue is read."""
    entries = []
    for index, name in enumerate(names):
        slide = work / f"slide-{index}.png"
        image = Image.open(IMAGES / f"{name}.jpg").convert("RGB")
        image.resize(SLIDE_SIZE, Image.LANCZOS).save(slide)
        end = timings[index + 1][0] if index + 1 < len(timings) else total
        entries += [f"file '{slide}'", f"duration {end - timings[index][0]:.3f}"]
    entries.append(f"file '{work / f'slide-{len(names) - 1}.png'}'")
    listing = work / "slides.txt"
    listing.write_text("\n".join(entries) + "\n", encoding="utf-8")
    return listing


def ffmpeg(*args):
    command = [tool("ffmpeg"), "-y", "-loglevel", "error", *args]
    subprocess.run(command, check=True)  # noqa: S603 - our own files, no shell


def make_video(spec, work):
    narration, timings, total = narrate(spec["cues"], work)
    listing = slides(spec["slides"], timings, total, work)
    stem = Path(spec["file"]).stem
    ffmpeg(
        "-f", "concat", "-safe", "0", "-i", str(listing), "-i", str(narration),
        "-map", "0:v", "-map", "1:a", "-r", "5", "-pix_fmt", "yuv420p",
        "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "38", "-row-mt", "1",
        "-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-shortest",
        "-map_metadata", "-1", "-fflags", "+bitexact", str(HERE / spec["file"]),
    )  # fmt: skip
    for language in ("es", "en"):
        write_vtt(HERE / f"{stem}.{language}.vtt", spec["cues"], timings, language)


def make_audio(spec, work):
    narration, _timings, _total = narrate(spec["cues"], work)
    ffmpeg(
        "-i", str(narration), "-c:a", "libopus", "-b:a", "16k", "-ac", "1",
        "-map_metadata", "-1", "-fflags", "+bitexact", str(HERE / spec["file"]),
    )  # fmt: skip


def main():
    spec = json.loads((HERE / "media.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        make_video(spec["video"], Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        make_audio(spec["audio"], Path(folder))


if __name__ == "__main__":
    main()
