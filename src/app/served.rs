//! The served session's own overlays, on the facilitator's screen: from the
//! join screen (`U`, made to be projected), the facilitator's code shown
//! apart and on purpose (`F`), and who is connected (`C`), where one
//! connection may be closed after a question. And `w`'s answer, which
//! on a screen joined over ssh says how to get a copy instead of a folder
//! of the serving machine.

use crossterm::event::{KeyCode, KeyEvent};

use super::notice::info_formatted;
use super::{Model, Overlay};

/// A key on one of these overlays; `None`: not one of them.
pub(super) fn on_key(model: &mut Model, overlay: &Overlay, key: &KeyEvent) -> Option<()> {
    match overlay {
        Overlay::Join => match key.code {
            KeyCode::Char('F' | 'f') => model.overlay = Some(Overlay::FacilitatorCode),
            KeyCode::Char('C' | 'c') => {
                model.overlay = Some(Overlay::Connections {
                    selected: None,
                    asking: false,
                });
            }
            _ => return None,
        },
        // Shown on purpose; any key hides it.
        Overlay::FacilitatorCode | Overlay::WhereFile => {}
        Overlay::Connections { selected, asking } => {
            model.overlay = connections_key(model, *selected, *asking, key);
        }
        _ => return None,
    }
    Some(())
}

fn connections_key(
    model: &mut Model,
    selected: Option<u64>,
    asking: bool,
    key: &KeyEvent,
) -> Option<Overlay> {
    let connections = model.join.as_ref()?.connections.clone();
    let now = connections.now();
    let stay = |selected: Option<u64>, asking| Some(Overlay::Connections { selected, asking });
    if asking {
        // The question is about one connection, by its id: if it left
        // meanwhile, nobody else is closed in its place.
        return match key.code {
            KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y') => {
                let card = now.iter().find(|card| Some(card.id) == selected);
                match card {
                    Some(card) if connections.close(card.id) => {
                        let who = format!("{} ({})", card.user, card.address);
                        model.notice =
                            Some(info_formatted(move |lang| lang.connection_closed(&who)));
                    }
                    _ => {
                        model.notice =
                            Some(info_formatted(|lang| lang.connection_gone().to_string()))
                    }
                }
                stay(None, false)
            }
            _ => stay(selected, false),
        };
    }
    // Positions only to move: the one shown selected and its neighbours.
    let place = now
        .iter()
        .position(|card| Some(card.id) == selected)
        .unwrap_or(0);
    let id_at = |place: usize| now.get(place).map(|card| card.id);
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => {
            stay(id_at((place + 1).min(now.len().saturating_sub(1))), false)
        }
        KeyCode::Up | KeyCode::Char('k') => stay(id_at(place.saturating_sub(1)), false),
        KeyCode::Char('x' | 'X') | KeyCode::Delete if !now.is_empty() => stay(id_at(place), true),
        KeyCode::Esc | KeyCode::Char('q') => None,
        _ => stay(selected, false),
    }
}
