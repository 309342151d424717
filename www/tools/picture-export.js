// The network picture as a file of its own: the SVG with every style the page's CSS gives it
// written onto its elements as presentation attributes (so it looks the same anywhere, with no
// stylesheet), and a PNG drawn from that SVG.

const SHAPE_STYLE = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-linecap', 'stroke-linejoin', 'opacity',
];
const TEXT_STYLE = [...SHAPE_STYLE, 'font-family', 'font-size', 'font-style', 'font-weight', 'paint-order'];
const STYLE_OF = {
  line: SHAPE_STYLE, circle: SHAPE_STYLE, rect: SHAPE_STYLE, path: SHAPE_STYLE, polyline: SHAPE_STYLE,
  polygon: SHAPE_STYLE, text: TEXT_STYLE, tspan: TEXT_STYLE, g: ['opacity'],
};
/** Each property's initial value: left out, the file says the same. */
const INITIAL = {
  'fill-opacity': '1', stroke: 'none', 'stroke-width': '1px', 'stroke-opacity': '1', 'stroke-dasharray': 'none',
  'stroke-linecap': 'butt', 'stroke-linejoin': 'miter', opacity: '1', 'font-style': 'normal', 'font-weight': '400',
  'paint-order': 'normal',
};
const PNG_SCALE = 2;

/** Whether the page draws nothing of `element`: hidden, or a pulse at rest. */
function invisible(style) {
  return style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0';
}

/**
 * The standalone SVG document of `svg` (the page's network picture) as it looks now, its running
 * animations finished first; `{ markup, width, height }`, the size in the picture's own units.
 */
export function standaloneSvg(svg) {
  for (const animation of svg.getAnimations({ subtree: true })) animation.finish();
  const copy = svg.cloneNode(true);
  const initial = { ...INITIAL, 'font-family': getComputedStyle(svg).fontFamily };
  const originals = [...svg.querySelectorAll('*')];
  const copies = [...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    const element = copies[i];
    element.removeAttribute('class');
    if (invisible(style)) {
      element.remove();
      return;
    }
    for (const name of STYLE_OF[element.tagName] ?? []) {
      const value = style.getPropertyValue(name);
      if (value !== initial[name]) element.setAttribute(name, value);
    }
  });
  // A map thumbnail is a canvas in a foreignObject: the file holds a picture of it instead.
  const thumbnails = [...svg.querySelectorAll('foreignObject')];
  [...copy.querySelectorAll('foreignObject')].forEach((holder, i) => {
    const image = document.createElementNS(svg.namespaceURI, 'image');
    for (const name of ['x', 'y', 'width', 'height']) image.setAttribute(name, holder.getAttribute(name));
    image.setAttribute('href', thumbnails[i].querySelector('canvas').toDataURL());
    holder.replaceWith(image);
  });
  const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
  copy.removeAttribute('class');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', initial['font-family']);
  const title = document.createElementNS(svg.namespaceURI, 'title');
  title.textContent = svg.getAttribute('aria-label');
  const background = document.createElementNS(svg.namespaceURI, 'rect');
  for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) {
    background.setAttribute(name, value);
  }
  copy.prepend(title, background);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  return { markup, width, height };
}

/** A PNG of the SVG document `{ markup, width, height }`, at twice its size, as a Blob. */
export async function pngOf({ markup, width, height }) {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
