"""Photos that carry what a testimony's photo must not: GPS, Artist, camera, XMP, IPTC, comments."""

import io
import struct

from PIL import Image, TiffImagePlugin

SENTINEL_ARTIST = "Fotograaf Sentinel-7731"
SENTINEL_MAKE = "SentinelCam"
SENTINEL_MODEL = "Model S-7731"
SENTINEL_XMP = b"sentinel-xmp-7731"
SENTINEL_IPTC = b"sentinel-iptc-7731"
SENTINEL_COMMENT = b"sentinel-comment-7731"
SENTINELS = (
    SENTINEL_ARTIST.encode(),
    SENTINEL_MAKE.encode(),
    SENTINEL_MODEL.encode(),
    SENTINEL_XMP,
    SENTINEL_IPTC,
    SENTINEL_COMMENT,
)

#: Landscape pixels stored with Orientation 6 ("rotate 90° clockwise to view"): viewed portrait.
STORED_SIZE = (64, 32)
VIEWED_SIZE = (32, 64)

XMP_PACKET = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="'
    + SENTINEL_XMP
    + b'"/></rdf:RDF></x:xmpmeta>'
)


def sentinel_exif():
    exif = Image.Exif()
    exif[0x013B] = SENTINEL_ARTIST  # Artist
    exif[0x010F] = SENTINEL_MAKE  # Make
    exif[0x0110] = SENTINEL_MODEL  # Model
    exif[0x0112] = 6  # Orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (TiffImagePlugin.IFDRational(52), TiffImagePlugin.IFDRational(22), 0)
    gps[3] = "E"
    gps[4] = (TiffImagePlugin.IFDRational(4), TiffImagePlugin.IFDRational(53), 0)
    return exif


def _iptc_segment():
    """An APP13 Photoshop/IPTC segment with a by-line (2:80), as cameras and editors write it."""
    dataset = b"\x1c\x02\x50" + struct.pack(">H", len(SENTINEL_IPTC)) + SENTINEL_IPTC
    if len(dataset) % 2:
        dataset += b"\x00"
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(dataset)) + dataset
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def pixels():
    """Red left half, blue right half: the orientation is visible in the pixels."""
    image = Image.new("RGB", STORED_SIZE, (200, 0, 0))
    image.paste((0, 0, 200), (STORED_SIZE[0] // 2, 0, STORED_SIZE[0], STORED_SIZE[1]))
    return image


def jpeg_with_metadata():
    """JPEG bytes with EXIF (GPS, Artist, Make, Model, Orientation 6), XMP, IPTC and a comment."""
    output = io.BytesIO()
    pixels().save(
        output, "JPEG", exif=sentinel_exif(), xmp=XMP_PACKET, comment=SENTINEL_COMMENT, quality=95
    )
    data = output.getvalue()
    return data[:2] + _iptc_segment() + data[2:]  # right after SOI


def truncated_jpeg():
    """The sentinel JPEG cut in the middle of its pixel data: the header still reads."""
    data = jpeg_with_metadata()
    start_of_scan = data.rindex(b"\xff\xda")
    return data[: start_of_scan + (len(data) - start_of_scan) // 2]


def png_with_metadata():
    from PIL import PngImagePlugin

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", SENTINEL_ARTIST)
    text.add_itxt("XML:com.adobe.xmp", XMP_PACKET.decode())
    output = io.BytesIO()
    pixels().save(output, "PNG", exif=sentinel_exif(), pnginfo=text)
    return output.getvalue()


def webp_with_metadata():
    output = io.BytesIO()
    pixels().save(output, "WEBP", exif=sentinel_exif(), xmp=XMP_PACKET, quality=95)
    return output.getvalue()


def avif_with_metadata():
    output = io.BytesIO()
    pixels().save(output, "AVIF", exif=sentinel_exif(), xmp=XMP_PACKET)
    return output.getvalue()


def animated_gif_with_comment():
    colours = ((200, 0, 0), (0, 200, 0), (0, 0, 200))
    frames = [Image.new("RGB", (20, 10), colour).quantize() for colour in colours]
    output = io.BytesIO()
    frames[0].save(
        output,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=SENTINEL_COMMENT,
    )
    return output.getvalue()


def metadata_found(data):
    """What of the photo's origin the bytes still tell: Pillow's view plus the raw sentinels."""
    found = set()
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if exif:
            found.add(f"exif:{sorted(exif)}")
        if exif.get_ifd(0x8825):
            found.add("gps")
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"):
            if image.info.get(key):
                found.add(key)
        found.update(f"text:{key}" for key in getattr(image, "text", {}) or {})
        found.update(m for m, _d in getattr(image, "applist", ()) if m not in ("APP0", "APP14"))
    found.update(f"bytes:{sentinel!r}" for sentinel in SENTINELS if sentinel in data)
    return found


def left_and_right(data):
    """The colours at the middle of the top and bottom rows (after any EXIF rotation: none)."""
    with Image.open(io.BytesIO(data)) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        return rgb.getpixel((width // 2, 2)), rgb.getpixel((width // 2, height - 3))
